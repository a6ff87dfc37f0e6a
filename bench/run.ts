/**
 * `npm run bench`: every benchmark, on SQLite and, when reachable, on PostgreSQL
 * (BENCH_DATABASE_URL, default the local test server). Each run uses a throwaway database.
 * `npm run bench -- --smoke` runs them all on a sliver of the data, as CI does, so a
 * benchmark that no longer runs fails the build; its figures mean nothing.
 */
// First: an older Node would crash loading better-sqlite3 rather than say why.
import "../scripts/check-node.mjs";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../src/db/connect.ts";
import { closeContext, openContext } from "../src/services/platform/context.ts";
import { benchAccessReview } from "./access-review.bench.ts";
import { benchAudit } from "./audit.bench.ts";
import { benchAuditLog, formatAuditLogBench } from "./audit-log.bench.ts";
import { benchBundle, benchBundleOnS3, formatBundleBench } from "./bundle.bench.ts";
import { benchCli, formatCliBench } from "./cli.bench.ts";
import { benchEvidence, benchLargeFile } from "./evidence.bench.ts";
import { benchFindings, formatFindingsBench } from "./findings.bench.ts";
import { benchHttp, formatHttpBench } from "./http.bench.ts";
import { benchPeople } from "./people.bench.ts";
import { benchReport, formatReportBench } from "./report.bench.ts";
import { benchReadiness } from "./readiness.bench.ts";
import type { BenchSize } from "./measure.ts";
import { benchPopulations, formatPopulationsBench } from "./populations.bench.ts";
import { benchSampling } from "./sampling.bench.ts";
import { benchTasks } from "./tasks.bench.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGET_MS = 50;

interface Engine {
  name: string;
  target: DatabaseTarget;
  dataDir: string;
  cleanup(): Promise<void>;
}

function sqliteEngine(): Engine {
  const dir = mkdtempSync(path.join(os.tmpdir(), "attest-bench-"));
  return {
    name: "sqlite",
    target: { engine: "sqlite", file: path.join(dir, "attest.sqlite") },
    dataDir: dir,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine | null> {
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
    await client.query(`create schema ${schema}`);
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${PG_URL} (${(error as Error).message}); skipped`);
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
  // Its own data folder: it holds the key the schema's secrets are sealed with.
  const dir = mkdtempSync(path.join(os.tmpdir(), "attest-bench-pg-"));
  return {
    name: "postgres",
    target: { engine: "postgres", url: PG_URL, schema },
    dataDir: dir,
    cleanup: async () => {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `npm run bench -- audit sampling` runs only those; no names runs everything. */
const args = process.argv.slice(2);
const size: BenchSize = args.includes("--smoke") ? "smoke" : "full";
const only = new Set(args.filter((arg) => !arg.startsWith("--")));
const wanted = (name: string) => only.size === 0 || only.has(name);

async function main(): Promise<void> {
  const engines = [sqliteEngine(), await postgresEngine()].filter((e): e is Engine => e !== null);
  for (const engine of engines) {
    const ctx = await openContext({ database: engine.target, dataDir: engine.dataDir });
    try {
      if (wanted("readiness")) {
        const r = await benchReadiness(ctx, size);
        const verdict = r.service.medianMs < TARGET_MS ? "meets" : "MISSES";
        console.log(
          `[${engine.name}] readiness, ${r.controls} controls, ${r.mappings} mappings, 61 criteria: ` +
            `service median ${r.service.medianMs} ms (p95 ${r.service.p95Ms} ms), ` +
            `engine alone median ${r.engine.medianMs} ms (p95 ${r.engine.p95Ms} ms); ` +
            `${verdict} the ${TARGET_MS} ms target`,
        );
      }
      if (wanted("tasks")) {
        const k = await benchTasks(ctx, size);
        const verdict = k.everyone.medianMs < 2000 ? "meets" : "MISSES";
        console.log(
          `[${engine.name}] tasks, ${k.people} people, ${k.policies} published policies: ` +
            `everyone's ${k.tasks} tasks median ${k.everyone.medianMs} ms (p95 ${k.everyone.p95Ms} ms), ` +
            `one person's median ${k.mine.medianMs} ms; ${verdict} the 2 s target`,
        );
      }
      if (wanted("people")) {
        const p = await benchPeople(ctx, size);
        const verdict = p.importMs < 2000 && p.everyone.medianMs < 2000 ? "meets" : "MISSES";
        console.log(
          `[${engine.name}] people, ${p.people} imported from CSV in ${p.importMs} ms ` +
            `(again, unchanged, ${p.reimportMs} ms); everyone's ${p.tasks} tasks median ` +
            `${p.everyone.medianMs} ms (p95 ${p.everyone.p95Ms} ms); ${verdict} the 2 s target`,
        );
      }
      // Access reviews (issue 16 part 3).
      if (wanted("access-review")) {
        const r = await benchAccessReview(ctx, size);
        const verdict = r.importMs < 3000 ? "meets" : "MISSES";
        console.log(
          `[${engine.name}] access review, ${r.accounts} accounts matched to ${r.people} people ` +
            `and flagged (${r.flagged}) in ${r.importMs} ms; the campaign read back median ` +
            `${r.read.medianMs} ms (p95 ${r.read.p95Ms} ms); ${verdict} the 3 s target`,
        );
      }
      if (wanted("evidence")) {
        const e = await benchEvidence(ctx, size);
        console.log(
          `[${engine.name}] evidence: ${e.records} records added in ${e.seconds} s (${e.perSecond}/s)`,
        );
      }
      if (wanted("large-file")) {
        const l = await benchLargeFile(ctx, size);
        console.log(
          `[${engine.name}] large file: ${l.megabytes} MB streamed in ${l.seconds} s; ` +
            `peak memory growth ${l.peakRssGrowthMb} MB (the file is never held whole)`,
        );
      }
      if (wanted("audit")) {
        const a = await benchAudit(ctx, size);
        console.log(
          `[${engine.name}] audit log: ${a.events} events (${a.megabytes} MB hashed): chain verified ` +
            `in ${a.verifyChainMs} ms vs node:crypto ${a.rawHashMs} ms on the same bytes ` +
            `(ratio ${a.chainRatio}; target >= 0.5: ${a.chainRatio >= 0.5 ? "meets" : "MISSES"}); ` +
            `whole verify command incl. database read ${a.verifyServiceMs} ms (ratio ${a.serviceRatio})`,
        );
      }
      if (wanted("audit-log")) {
        console.log(formatAuditLogBench(engine.name, await benchAuditLog(ctx, size), TARGET_MS));
      }
      if (wanted("http")) {
        // Its server sets up the installation's first account, so it needs a database no
        // earlier bench has put accounts in (the tasks bench adds thousands of people).
        const own = engine.name === "sqlite" ? sqliteEngine() : await postgresEngine();
        if (own !== null) {
          try {
            console.log(
              formatHttpBench(engine.name, await benchHttp(own.target, own.dataDir, size)),
            );
          } finally {
            await own.cleanup();
          }
        }
      }
      if (wanted("bundle")) {
        console.log(formatBundleBench(engine.name, await benchBundle(ctx, engine.dataDir, size)));
        // Evidence in S3 (a local s3rver): once, beside SQLite, as the engine only holds rows.
        if (engine.name === "sqlite") {
          const onS3 = await benchBundleOnS3(engine.target, engine.dataDir, size);
          console.log(formatBundleBench(`${engine.name}, evidence in s3`, onS3));
        }
      }
      if (wanted("report")) {
        console.log(formatReportBench(engine.name, await benchReport(ctx, size)));
      }
      if (wanted("cli")) {
        console.log(
          formatCliBench(engine.name, await benchCli(engine.target, engine.dataDir, size)),
        );
      }
      if (wanted("findings")) {
        console.log(formatFindingsBench(engine.name, await benchFindings(ctx, size)));
      }
      if (wanted("sampling")) {
        const s = await benchSampling(ctx, size);
        console.log(
          `[${engine.name}] sampling: ${s.controls} controls, twelve months, population ` +
            `${s.population}, ${s.sampled} items drawn in ${s.drawMs} ms`,
        );
      }
      if (wanted("populations")) {
        console.log(formatPopulationsBench(engine.name, await benchPopulations(ctx, size)));
      }
    } finally {
      await closeContext(ctx);
      await engine.cleanup();
    }
  }
}

await main();
