/** Runs the server until a signal asks it to stop, then closes connections and the database. */
import type { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { issueSetupToken } from "../services/access/auth.service.ts";
import type { Config } from "../services/platform/config.ts";
import { describeDatabase } from "../services/platform/config.ts";
import { closeContext, openContext } from "../services/platform/context.ts";
import { createJobRunner } from "../services/jobs/runner.ts";
import { smtpMailer } from "../services/platform/mailer.ts";
import { buildApp } from "./app.ts";

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** The one-time link that creates the first owner; null once an account exists. */
  setupUrl: string | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  logStream?: Writable;
  webRoot?: string;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const ctx = await openContext({
    database: config.database,
    dataDir: config.dataDir,
    blobStore: config.blobStore,
    maxEvidenceBytes: config.maxEvidenceBytes,
    sessions: config.sessions,
    mailer: config.smtp === null ? null : smtpMailer(config.smtp.url, config.smtp.from),
    publicUrl: config.publicUrl,
    secretKey: config.secretKey,
    allowPrivateWebhooks: config.allowPrivateWebhooks,
    monitorCa: config.monitorCa,
  });
  const app = await buildApp({
    ctx,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    ...options,
  });
  // Background jobs run in the server, never in the CLI; they stop before the database closes.
  const jobs = createJobRunner(ctx, {
    database: config.database,
    testJobs: config.testJobs,
    log: app.log,
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await jobs.stop();
    await app.close();
    await closeContext(ctx);
  };
  try {
    await app.listen({ host: config.host, port: config.port });
    await jobs.start();
    // Requests queue work (a password reset's mail) through the running runner only.
    ctx.jobs = jobs;
  } catch (error) {
    await stop();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  app.log.info({ url, database: describeDatabase(config.database) }, "Attest is listening");
  const setupToken = await issueSetupToken(ctx);
  const setupUrl =
    setupToken === null
      ? null
      : `${(config.publicUrl ?? url).replace(/\/+$/, "")}/setup?token=${encodeURIComponent(setupToken)}`;
  if (setupUrl !== null) {
    // The one secret Attest ever logs, on purpose: whoever reads the server's log owns it.
    app.log.info(`No account yet. Create the first owner within 24 hours at: ${setupUrl}`);
  }
  return { app, url, setupUrl, stop };
}
