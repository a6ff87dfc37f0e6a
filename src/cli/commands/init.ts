import type { Command } from "commander";
import { createOrganization } from "../../services/access/organizations.service.ts";
import { printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { list, operatorPrincipal, withContext } from "../runtime.ts";

export function registerInit(program: Command, runtime: Runtime): void {
  program
    .command("init")
    .description("Create an organization and adopt the control library for its scope")
    .requiredOption("--name <name>", "company name")
    .option("--system <name>", "name of the system the report covers (default: company name)")
    .option(
      "--categories <list>",
      "categories in scope, comma-separated; security is always included",
      "security",
    )
    .option("--timezone <zone>", "IANA time zone, e.g. Europe/Paris", "UTC")
    .action(
      async (
        options: { name: string; system?: string; categories: string; timezone: string },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const result = await withContext(runtime, (ctx) =>
          createOrganization(ctx, operatorPrincipal(), {
            name: options.name,
            systemName: options.system,
            categories: list(options.categories),
            timeZone: options.timezone,
          }),
        );
        if (globals.json) return printJson(runtime.io, result);
        const { organization, categories, adoption } = result;
        runtime.io.out(
          `Created ${organization.name} (${organization.slug}), system "${organization.systemName}", ` +
            `time zone ${organization.timeZone}.\n` +
            `In scope: ${categories.join(", ")}.\n` +
            `Adopted ${adoption?.created.length ?? 0} controls from the library. ` +
            "Next: attest readiness\n",
        );
      },
    );
}
