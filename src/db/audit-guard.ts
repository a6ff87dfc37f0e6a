/**
 * No organization write without its audit event. A Kysely plugin watches the statements of one
 * organization transaction: each insert, update, delete or merge that changed rows is noted by
 * table, and an insert into audit_events marks the transaction as evidenced. Before commit,
 * `inOrgTransaction` (and `inOrganizationCreation`) asks `assertEvidenced`, so a service that
 * forgets `recordEvent` fails and its writes are rolled back instead of landing unrecorded.
 */
import { AliasNode, TableNode } from "kysely";
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { AppError } from "../domain/errors.ts";
import type { Database } from "./schema.ts";

type Table = keyof Database;

/**
 * Tables written without an audit event by design, each with its reason. Everything else an
 * organization transaction changes must come with an event.
 */
export const UNAUDITED_TABLES: Readonly<Partial<Record<Table, string>>> = {
  audit_events: "the trail itself",
  sessions: "sign-ins come and go; sign-in and sign-out are account matters, not the org's",
  login_throttle: "counts failed sign-ins per address, to slow guessing; no org record",
  share_access_log: "is itself the log of who opened a shared report, refusals included",
  jobs: "bookkeeping of the job runner: what is queued, leased and retried",
  job_runs: "bookkeeping of the job runner: each attempt, its result and error",
  job_schedules: "bookkeeping of the job runner: the last slot queued per schedule",
  blobs:
    "content-addressed file bytes shared by all organizations; the evidence item that " +
    "refers to them carries evidence.added with the same SHA-256",
  blob_chunks: "the pieces of a blob while and after it streams in (see blobs)",
  // The availability monitor: a probe every few minutes per endpoint is bookkeeping; a change
  // of state (an outage, a recovery) is recorded as monitor.state-changed with it.
  monitor_probes: "each probe of a monitored endpoint: its status, latency and error",
  monitor_status: "what a monitored endpoint's last probe found (see monitor_probes)",
};

function tableName(node: OperationNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (TableNode.is(node)) return node.table.identifier.name;
  if (AliasNode.is(node)) return tableName(node.node);
  return undefined;
}

/** The table a statement writes, or undefined for reads (and raw SQL, which Attest only reads). */
function writtenTable(node: RootOperationNode): string | undefined {
  switch (node.kind) {
    case "InsertQueryNode":
      return tableName(node.into);
    case "UpdateQueryNode":
      return tableName(node.table);
    case "DeleteQueryNode":
      return tableName(node.from.froms[0]);
    case "MergeQueryNode":
      return tableName(node.into);
    default:
      return undefined;
  }
}

/** Changed rows, from the driver's count, or from the rows a `returning` clause gave back. */
function changedRows(result: QueryResult<UnknownRow>): boolean {
  if (result.numAffectedRows !== undefined) return result.numAffectedRows > 0n;
  return result.rows.length > 0;
}

export class AuditGuard implements KyselyPlugin {
  readonly #pending = new WeakMap<QueryId, string>();
  readonly #written = new Set<string>();
  #evidenced = false;

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(node);
    if (table !== undefined) this.#pending.set(queryId, table);
    return node;
  }

  transformResult({
    result,
    queryId,
  }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.#pending.get(queryId);
    if (table !== undefined && changedRows(result)) {
      if (table === "audit_events") this.#evidenced = true;
      else if (!Object.hasOwn(UNAUDITED_TABLES, table)) this.#written.add(table);
    }
    return Promise.resolve(result);
  }

  /** Throws (and so rolls the transaction back) when rows changed but no event was recorded. */
  assertEvidenced(): void {
    if (this.#evidenced || this.#written.size === 0) return;
    throw new AppError(
      "INTERNAL",
      `a change to ${[...this.#written].sort().join(", ")} was about to be saved without an ` +
        "audit event; nothing was saved",
    );
  }
}
