/**
 * The issue's access review scenario, shared by the service, CLI and browser tests and the
 * benchmark: a people register with three leavers, and a system's account list of `size`
 * accounts holding those three leavers, two accounts nobody in the register owns, and a
 * privileged account every fiftieth row.
 */
import { peopleCsv, workforce } from "./people.ts";
import type { CsvPerson } from "./people.ts";

export const ACCOUNTS_HEADER = "account,email,privileged";

export const LEAVERS: readonly CsvPerson[] = [
  { email: "lee.left@acme.example", name: "Lee Left", start: "2022-01-10", end: "2026-01-31" },
  { email: "max.gone@acme.example", name: "Max Gone", start: "2021-05-03", end: "2026-02-13" },
  { email: "ola.out@acme.example", name: "Ola Out", start: "2023-09-01", end: "2026-02-27" },
];

export const UNKNOWN_EMAILS = ["ci-bot@acme.example", "contractor@elsewhere.example"] as const;

/** The register: `size − 5` current people (the head included) and the three leavers. */
export function registerCsv(size = 200): string {
  return peopleCsv(workforce(size - 5, "acme.example", [...LEAVERS]));
}

export interface AccountRow {
  account: string;
  email: string;
  privileged: boolean;
}

/** `size` accounts: the register's current people, its three leavers, two unknown. */
export function accountRows(size = 200): AccountRow[] {
  const rows: AccountRow[] = [{ account: "hana", email: "head@acme.example", privileged: true }];
  for (let i = 1; i < size - 5; i += 1) {
    rows.push({
      account: `person${i}`,
      email: `Person${i}@acme.example`,
      privileged: i % 50 === 0,
    });
  }
  for (const leaver of LEAVERS) {
    rows.push({
      account: leaver.email.split("@")[0] ?? "",
      email: leaver.email,
      privileged: false,
    });
  }
  for (const email of UNKNOWN_EMAILS) {
    rows.push({ account: email.split("@")[0] ?? "", email, privileged: false });
  }
  return rows;
}

export function accountsCsv(rows: readonly AccountRow[]): string {
  return `${[ACCOUNTS_HEADER, ...rows.map((r) => `${r.account},${r.email},${String(r.privileged)}`)].join("\n")}\n`;
}
