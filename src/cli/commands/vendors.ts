/** `attest vendors`: the inventory, a vendor's reports and CUECs, bridge letters and yearly reviews. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { invalidField } from "../../domain/errors.ts";
import { REPORT_TYPE_NAMES, TIER_NAMES } from "../../domain/vendor.ts";
import type { VendorTier } from "../../domain/vendor.ts";
import {
  addBridgeLetter,
  addVendorReport,
  mapCuec,
} from "../../services/program/vendor-reports.service.ts";
import type { VendorFile } from "../../services/program/vendor-reports.service.ts";
import { recordVendorReview } from "../../services/program/vendor-reviews.service.ts";
import type { ReviewInput, UpdateVendorInput } from "../../services/program/vendor-inputs.ts";
import {
  createVendor,
  listVendorInventory,
  showVendor,
  updateVendor,
} from "../../services/program/vendors.service.ts";
import type { VendorDetail } from "../../services/program/vendors.service.ts";
import { formatTable, printJson } from "../io.ts";
import type { Io } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { list, withActor } from "../runtime.ts";
import { eventLine } from "../io.ts";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

async function vendorFile(filePath: string): Promise<VendorFile> {
  const info = await stat(filePath).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    throw invalidField("file", `"${filePath}" is not a readable file`);
  }
  const pdf = path.extname(filePath).toLowerCase() === ".pdf";
  return {
    content: createReadStream(filePath),
    fileName: path.basename(filePath),
    mediaType: pdf ? "application/pdf" : "application/octet-stream",
  };
}

const tierWords = (tier: VendorTier) => `${tier} (${TIER_NAMES[tier]})`;

function printVendor(io: Io, shown: VendorDetail): void {
  const v = shown.vendor;
  const rows: [string, string][] = [
    ["Vendor", `${v.ref}  ${v.name}`],
    ["Service", v.service],
    ["Tier", tierWords(v.tier)],
    ["Owner", v.owner ?? "unassigned"],
    ["Data shared", v.dataShared.join(", ") || "none recorded"],
    ["Contract", `${v.contractStart ?? "?"} to ${v.contractEnd ?? "?"}`],
    ["Subservice", v.subservice ?? "no"],
    ["Relied on", v.reliedControls.map((c) => c.text).join("; ") || "-"],
    [
      "Review due",
      v.reviewDueBy + (v.lastReviewedOn === null ? "" : ` (last ${v.lastReviewedOn})`),
    ],
    ["Website", v.website || "-"],
  ];
  for (const [label, value] of rows) io.out(`${label.padEnd(12)} ${value}\n`);
  for (const flag of v.flags) io.out(`FLAG         ${flag.reason}\n`);
  io.out("\nReports\n");
  for (const r of shown.reports) {
    io.out(
      `  ${r.ref}  ${REPORT_TYPE_NAMES[r.type]}  ${r.periodFrom} to ${r.periodTo}` +
        (r.opinion === null ? "" : `  opinion ${r.opinion}`) +
        (r.bridge === null ? "" : `  bridge letter to ${r.bridge.to}`) +
        "\n",
    );
    for (const c of r.cuecs) {
      io.out(`    ${c.ref}  ${c.controls.join(", ") || "UNMAPPED"}  ${c.text}\n`);
    }
  }
  io.out("\nReviews\n");
  for (const r of shown.reviews) {
    io.out(`  ${r.ref}  ${r.reviewedOn}  ${r.outcome}  by ${r.reviewedBy}\n`);
  }
  io.out("\nHistory\n");
  for (const entry of shown.history) {
    io.out(`  ${entry.at}  ${entry.actor}  ${eventLine(entry)}\n`);
  }
}

interface AddOptions {
  name: string;
  service: string;
  tier: string;
  subservice?: string;
  owner?: string;
  data?: string;
  relies?: string[];
  website?: string;
  contractStart?: string;
  contractEnd?: string;
  notes?: string;
}

interface UpdateOptions {
  name?: string;
  service?: string;
  tier?: string;
  subservice?: string;
  owner?: string;
  data?: string;
  relies?: string[];
  website?: string;
  contractStart?: string;
  contractEnd?: string;
  notes?: string;
}

/** "none" clears a field that may be empty. */
const orNull = (value: string | undefined) =>
  value === undefined ? undefined : value === "none" ? null : value;

/** Only the options given: the service changes those fields and leaves the rest. */
function updateInput(options: UpdateOptions): UpdateVendorInput {
  const { subservice, owner, data, relies, contractStart, contractEnd, ...plain } = options;
  const nullable = { subservice, owner, contractStart, contractEnd };
  return {
    ...plain,
    ...Object.fromEntries(
      Object.entries(nullable)
        .filter(([, value]) => value !== undefined)
        .map(([field, value]) => [field, orNull(value)]),
    ),
    ...(data === undefined ? {} : { dataShared: data === "none" ? [] : list(data) }),
    ...(relies === undefined
      ? {}
      : { reliedControls: relies.map((text) => ({ text, criteria: [] })) }),
  };
}

export function registerVendors(program: Command, runtime: Runtime): void {
  const vendors = program
    .command("vendors")
    .description("The vendor inventory, vendors' assurance reports and CUECs, yearly reviews");
  const globalsOf = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  vendors
    .command("list", { isDefault: true })
    .description("List the vendors with their tier, current report and flags")
    .action(async (_options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const inventory = await withActor(runtime, globals, (ctx, actor) =>
        listVendorInventory(ctx, actor),
      );
      if (globals.json) return printJson(runtime.io, inventory);
      runtime.io.out(
        formatTable(
          ["ID", "TIER", "SUBSERVICE", "REPORT", "FLAGS", "REVIEW BY", "OWNER", "NAME"],
          inventory.items.map((v) => [
            v.ref,
            String(v.tier),
            v.subservice ?? "-",
            v.currentReport === null
              ? "-"
              : `${v.currentReport.ref} to ${v.currentReport.periodTo}`,
            [
              ...v.flags.map((f) => f.kind),
              ...(v.unmappedCuecs > 0 ? ["unmapped-cuecs"] : []),
            ].join(",") || "-",
            v.reviewDueBy,
            v.owner ?? "-",
            v.name,
          ]),
        ),
      );
    });

  vendors
    .command("show")
    .description("Show a vendor with its reports, CUECs, reviews and history")
    .argument("<vendor>", "V-3 or the vendor's name")
    .action(async (key: string, _options: unknown, command: Command) => {
      const globals = globalsOf(command);
      const shown = await withActor(runtime, globals, (ctx, actor) => showVendor(ctx, actor, key));
      if (globals.json) return printJson(runtime.io, shown);
      printVendor(runtime.io, shown);
    });

  vendors
    .command("add")
    .description("Add a vendor to the inventory")
    .requiredOption("--name <name>", "the vendor's name")
    .requiredOption("--service <text>", "what it provides")
    .requiredOption("--tier <1-3>", "1 critical, 2 important, 3 low")
    .option("--subservice <method>", "a subservice organization: carve-out or inclusive")
    .option("--owner <email>", "the member who owns the relationship")
    .option("--data <categories>", "data shared, comma-separated (customer-data, personal-data, …)")
    .option("--relies <text>", "a control of theirs the system relies on (repeatable)", collect)
    .option("--website <url>", "the vendor's website")
    .option("--contract-start <date>", "YYYY-MM-DD")
    .option("--contract-end <date>", "YYYY-MM-DD")
    .option("--notes <text>", "anything else")
    .action(async (options: AddOptions, command: Command) => {
      const globals = globalsOf(command);
      const { relies, data, ...rest } = options;
      const created = await withActor(runtime, globals, (ctx, actor) =>
        createVendor(ctx, actor, {
          ...rest,
          ...(data === undefined ? {} : { dataShared: list(data) }),
          ...(relies === undefined
            ? {}
            : { reliedControls: relies.map((text) => ({ text, criteria: [] })) }),
        }),
      );
      if (globals.json) return printJson(runtime.io, created);
      runtime.io.out(
        `Added ${created.ref}: ${created.name}, tier ${tierWords(created.tier)}` +
          (created.subservice === null ? "" : `, subservice organization (${created.subservice})`) +
          ".\n",
      );
    });

  vendors
    .command("update")
    .description("Change a vendor (recorded in its history, from → to)")
    .argument("<vendor>", "V-3 or the vendor's name")
    .option("--name <name>", "the vendor's name")
    .option("--service <text>", "what it provides")
    .option("--tier <1-3>", "1 critical, 2 important, 3 low")
    .option("--subservice <method>", "carve-out, inclusive, or none")
    .option("--owner <email>", "the member who owns the relationship, or none")
    .option("--data <categories>", "data shared, comma-separated (replaces the list; none clears)")
    .option(
      "--relies <text>",
      "a control of theirs the system relies on (repeatable; replaces the list)",
      collect,
    )
    .option("--website <url>", "the vendor's website")
    .option("--contract-start <date>", "YYYY-MM-DD, or none")
    .option("--contract-end <date>", "YYYY-MM-DD, or none")
    .option("--notes <text>", "anything else")
    .action(async (key: string, options: UpdateOptions, command: Command) => {
      const globals = globalsOf(command);
      const updated = await withActor(runtime, globals, (ctx, actor) =>
        updateVendor(ctx, actor, key, updateInput(options)),
      );
      if (globals.json) return printJson(runtime.io, updated);
      runtime.io.out(`Updated ${updated.ref}: ${updated.name}.\n`);
    });

  vendors
    .command("report")
    .description(
      "File a vendor's SOC 2, SOC 1 or ISO 27001 report (evidence on RM-07) with its CUECs",
    )
    .argument("<vendor>", "V-3 or the vendor's name")
    .requiredOption("--file <path>", "the report")
    .requiredOption("--type <type>", "soc2-type2, soc2-type1, soc1-type2, soc1-type1 or iso27001")
    .requiredOption("--from <date>", "the period's first day (a certificate's first valid day)")
    .requiredOption("--to <date>", "the period's last day (a certificate's expiry)")
    .option("--opinion <opinion>", "as read: unmodified, qualified, adverse or disclaimer")
    .option("--cuec <text>", "a complementary user entity control it lists (repeatable)", collect)
    .action(
      async (
        key: string,
        options: {
          file: string;
          type: string;
          from: string;
          to: string;
          opinion?: string;
          cuec?: string[];
        },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const file = await vendorFile(options.file);
        const report = await withActor(runtime, globals, (ctx, actor) =>
          addVendorReport(
            ctx,
            actor,
            key,
            {
              type: options.type,
              from: options.from,
              to: options.to,
              opinion: options.opinion ?? null,
              cuecs: options.cuec ?? [],
            },
            file,
          ),
        );
        if (globals.json) return printJson(runtime.io, report);
        runtime.io.out(
          `Filed ${report.ref} (${REPORT_TYPE_NAMES[report.type]}, ${report.periodFrom} to ${report.periodTo}) ` +
            `as evidence ${report.evidenceId}.\n`,
        );
        for (const c of report.cuecs) runtime.io.out(`  ${c.ref}  unmapped  ${c.text}\n`);
      },
    );

  vendors
    .command("bridge-letter")
    .description("File a bridge letter covering the days after a report's period")
    .argument("<vendor>", "V-3 or the vendor's name")
    .argument("<report>", "the report, e.g. VR-2")
    .requiredOption("--file <path>", "the letter")
    .requiredOption("--from <date>", "the first day it covers")
    .requiredOption("--to <date>", "the last day it covers")
    .action(
      async (
        key: string,
        reportKey: string,
        options: { file: string; from: string; to: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        const file = await vendorFile(options.file);
        const report = await withActor(runtime, globals, (ctx, actor) =>
          addBridgeLetter(ctx, actor, key, reportKey, { from: options.from, to: options.to }, file),
        );
        if (globals.json) return printJson(runtime.io, report);
        runtime.io.out(
          `Bridge letter for ${report.ref} filed, covering ${options.from} to ${options.to}.\n`,
        );
      },
    );

  vendors
    .command("map")
    .description("Map a CUEC to the controls of ours that address it")
    .argument("<vendor>", "V-3 or the vendor's name")
    .argument("<cuec>", "the CUEC, e.g. CUEC-4")
    .requiredOption("--control <refs...>", "our controls that address it (one or more)")
    .action(
      async (key: string, cuecKey: string, options: { control: string[] }, command: Command) => {
        const globals = globalsOf(command);
        const mapped = await withActor(runtime, globals, (ctx, actor) =>
          mapCuec(ctx, actor, key, cuecKey, { controls: options.control.flatMap((c) => list(c)) }),
        );
        if (globals.json) return printJson(runtime.io, mapped);
        runtime.io.out(`${mapped.ref} mapped to ${mapped.controls.join(", ") || "no control"}.\n`);
      },
    );

  vendors
    .command("review")
    .description(
      "The vendor's yearly review: without --checked, its checklist; with it, record the review",
    )
    .argument("<vendor>", "V-3 or the vendor's name")
    .option("--checked <items...>", "the checklist items confirmed")
    .option("--outcome <outcome>", "approved, approved-with-actions or replace", "approved")
    .option("--notes <text>", "what follows from the review")
    .option("--on <date>", "the day it was done (default: today)")
    .action(
      async (
        key: string,
        options: { checked?: string[]; outcome: string; notes?: string; on?: string },
        command: Command,
      ) => {
        const globals = globalsOf(command);
        if (options.checked === undefined) {
          const shown = await withActor(runtime, globals, (ctx, actor) =>
            showVendor(ctx, actor, key),
          );
          const due = { vendor: shown.vendor.ref, dueBy: shown.vendor.reviewDueBy };
          if (globals.json) return printJson(runtime.io, { ...due, checklist: shown.checklist });
          runtime.io.out(
            `${shown.vendor.ref} ${shown.vendor.name}, tier ${tierWords(shown.vendor.tier)}: ` +
              `review due by ${shown.vendor.reviewDueBy}. Confirm with --checked:\n`,
          );
          for (const item of shown.checklist)
            runtime.io.out(`  ${item.id.padEnd(15)} ${item.label}\n`);
          return;
        }
        const input: ReviewInput = {
          checked: options.checked.flatMap((c) => list(c)),
          outcome: options.outcome,
          ...(options.notes === undefined ? {} : { notes: options.notes }),
          ...(options.on === undefined ? {} : { reviewedOn: options.on }),
        };
        const review = await withActor(runtime, globals, (ctx, actor) =>
          recordVendorReview(ctx, actor, key, input),
        );
        if (globals.json) return printJson(runtime.io, review);
        runtime.io.out(
          `Recorded ${review.ref} on ${review.reviewedOn}: ${review.outcome}. ` +
            `Evidence ${review.evidenceId} filed for RM-06 and RM-07.\n`,
        );
      },
    );
}
