import type { Command } from "commander";
import { criteriaInCategories } from "../../catalog/index.ts";
import type { Scope } from "../../domain/organization.ts";
import {
  addScopeCategory,
  getScope,
  markCriterionNotRelevant,
  markCriterionRelevant,
  removeScopeCategory,
} from "../../services/program/scope.service.ts";
import { printJson } from "../io.ts";
import { UsageError } from "../usage.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

interface ScopeOptions {
  add?: string;
  remove?: string;
  notRelevant?: string;
  relevant?: string;
  reason?: string;
}

function printScope(io: Io, scope: Scope): void {
  const inScope = criteriaInCategories(scope.categories);
  io.out(`Categories in scope: ${scope.categories.join(", ")}\n`);
  io.out(`Criteria in scope: ${inScope.length}, not relevant: ${scope.exclusions.length}\n`);
  for (const exclusion of scope.exclusions) {
    io.out(`  ${exclusion.criterionId} not relevant: ${exclusion.reason}\n`);
  }
}

export function registerScope(program: Command, runtime: Runtime): void {
  program
    .command("scope")
    .description("Show or change what the SOC 2 covers (one change per call)")
    .option("--add <category>", "bring a category into scope (adopts its library controls)")
    .option("--remove <category>", "take a category out of scope (security cannot be removed)")
    .option("--not-relevant <criterion>", "mark a criterion not relevant; needs --reason")
    .option("--relevant <criterion>", "undo a not-relevant mark")
    .option("--reason <text>", "why (required with --not-relevant)")
    .action(async (options: ScopeOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const changes = [options.add, options.remove, options.notRelevant, options.relevant];
      if (changes.filter((c) => c !== undefined).length > 1) {
        throw new UsageError("give one of --add, --remove, --not-relevant, --relevant at a time");
      }
      if (options.reason !== undefined && !options.remove && !options.notRelevant) {
        throw new UsageError("--reason goes with --remove or --not-relevant");
      }
      const scope = await withActor(runtime, globals, (ctx, actor) => {
        if (options.add !== undefined)
          return addScopeCategory(ctx, actor, { category: options.add });
        if (options.remove !== undefined) {
          return removeScopeCategory(ctx, actor, {
            category: options.remove,
            reason: options.reason,
          });
        }
        if (options.notRelevant !== undefined) {
          return markCriterionNotRelevant(ctx, actor, {
            criterion: options.notRelevant,
            reason: options.reason ?? "",
          });
        }
        if (options.relevant !== undefined) {
          return markCriterionRelevant(ctx, actor, { criterion: options.relevant });
        }
        return getScope(ctx, actor);
      });
      if (globals.json) {
        return printJson(runtime.io, {
          ...scope,
          criteria: criteriaInCategories(scope.categories).map((c) => ({
            id: c.id,
            category: c.category,
            relevant: !scope.exclusions.some((e) => e.criterionId === c.id),
          })),
        });
      }
      printScope(runtime.io, scope);
    });
}
