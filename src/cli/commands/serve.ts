import type { Command } from "commander";
import { startServer } from "../../server/start.ts";
import type { Runtime } from "../runtime.ts";
import { config } from "../runtime.ts";

export function registerServe(program: Command, runtime: Runtime): void {
  program
    .command("serve")
    .description("Start the HTTP server (PORT, default 3000; HOST, default 127.0.0.1)")
    .action(async () => {
      const server = await startServer(config(runtime));
      const setup =
        server.setupUrl === null
          ? ""
          : `No account yet: create the first owner at ${server.setupUrl}\n`;
      runtime.io.err(
        `Attest is running at ${server.url} (health: ${server.url}/healthz)\n${setup}`,
      );
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          void server.stop().then(resolve);
        };
        process.once("SIGINT", shutdown);
        process.once("SIGTERM", shutdown);
      });
    });
}
