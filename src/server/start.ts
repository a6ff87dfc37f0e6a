/** Runs the server until a signal asks it to stop, then closes connections and the database. */
import type { FastifyInstance } from "fastify";
import { invalidField } from "../domain/errors.ts";
import type { Config } from "../services/config.ts";
import { describeDatabase } from "../services/config.ts";
import { closeContext, openContext } from "../services/context.ts";
import { buildApp } from "./app.ts";

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export async function startServer(config: Config): Promise<RunningServer> {
  if (!LOOPBACK.has(config.host)) {
    // Until accounts exist, anyone who can reach the API reads every organization's readiness.
    throw invalidField(
      "HOST",
      `"${config.host}" would expose the API, which has no accounts yet; ` +
        "use 127.0.0.1 or ::1 (a reverse proxy can forward to it)",
    );
  }
  const ctx = await openContext(config);
  const app = buildApp({ ctx, logLevel: config.logLevel });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await closeContext(ctx);
  };
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await stop();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  app.log.info({ url, database: describeDatabase(config.database) }, "Attest is listening");
  return { app, url, stop };
}
