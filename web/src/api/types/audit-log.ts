/** The answers of the audit-log routes (see src/contracts for the server's side). */
export interface AuditLogEntry {
  seq: number;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { type: string; id: string };
  data: unknown;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  chain: { seq: number; reason: string } | null;
  filesChecked: number;
  corruptFiles: { sha256: string; problem: string }[];
  recordsChecked: number;
  records: { target: string; problem: string }[];
}
