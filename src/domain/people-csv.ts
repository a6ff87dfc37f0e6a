/**
 * The people CSV an HR system exports: header
 * `email,name,title,department,manager_email,start_date,end_date,type` (columns in any order,
 * `employee_id` optional), dates as YYYY-MM-DD, the end date empty while employed. Reading
 * checks every row and names each bad line and field; a file with any bad row is refused
 * whole, so the register never holds half an import.
 */
import { AppError } from "./errors.ts";
import { EMPLOYMENT_TYPES } from "./person.ts";
import type { EmploymentType, PersonFields } from "./person.ts";
import { isCalendarDate } from "./periods.ts";

export const PEOPLE_CSV_COLUMNS = [
  "email",
  "name",
  "title",
  "department",
  "manager_email",
  "start_date",
  "end_date",
  "type",
] as const;
export const OPTIONAL_PEOPLE_CSV_COLUMNS = ["employee_id"] as const;

export interface CsvProblem {
  /** The file's line (the header is line 1); 0 for the file as a whole. */
  line: number;
  field: string;
  message: string;
}

export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. Each row keeps
 * the line it starts on. A byte-order mark and blank lines are skipped.
 */
export function parseCsv(text: string): CsvRow[] | CsvProblem {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let touched = false;
  const endRow = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== "") rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
    touched = false;
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === "") {
      quoted = true;
      touched = true;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
      touched = true;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) return { line: rowLine, field: "file", message: "a quoted cell is never closed" };
  if (cell !== "" || cells.length > 0 || touched) endRow();
  return rows;
}

export interface PeopleCsvRow {
  line: number;
  person: PersonFields;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const MAX_TEXT = 200;

function readHeader(header: CsvRow): Map<string, number> | CsvProblem[] {
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  const known = new Set<string>([...PEOPLE_CSV_COLUMNS, ...OPTIONAL_PEOPLE_CSV_COLUMNS]);
  for (const name of names) {
    if (!known.has(name)) {
      problems.push({ line: 1, field: name, message: `unknown column "${name}"` });
    }
  }
  for (const required of PEOPLE_CSV_COLUMNS) {
    if (!names.includes(required)) {
      problems.push({ line: 1, field: required, message: `the header has no ${required} column` });
    }
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push({ line: 1, field: name, message: "column named twice" });
    seen.add(name);
  }
  if (problems.length > 0) return problems;
  return new Map(names.map((name, index) => [name, index]));
}

/** Every row as register fields, or every problem found (not only the first). */
export function readPeopleCsv(text: string): { rows: PeopleCsvRow[]; problems: CsvProblem[] } {
  const parsed = parseCsv(text);
  if (!Array.isArray(parsed)) return { rows: [], problems: [parsed] };
  const [header, ...body] = parsed;
  if (header === undefined) {
    return {
      rows: [],
      problems: [{ line: 0, field: "file", message: "the file is empty: it needs a header row" }],
    };
  }
  const columns = readHeader(header);
  if (!(columns instanceof Map)) return { rows: [], problems: columns };
  const rows: PeopleCsvRow[] = [];
  const problems: CsvProblem[] = [];
  const emails = new Map<string, number>();
  const employeeIds = new Map<string, number>();
  for (const row of body) {
    const bad = (field: string, message: string) =>
      problems.push({ line: row.line, field, message });
    if (row.cells.length !== columns.size) {
      bad("row", `has ${row.cells.length} cells; the header has ${columns.size}`);
      continue;
    }
    const cell = (name: string) => (row.cells[columns.get(name) ?? -1] ?? "").trim();
    const before = problems.length;
    const email = cell("email").toLowerCase();
    if (!EMAIL.test(email)) bad("email", email === "" ? "is empty" : `"${email}" is not an email`);
    const earlier = emails.get(email);
    if (earlier !== undefined) bad("email", `${email} is also on line ${earlier}`);
    emails.set(email, row.line);
    const name = cell("name");
    if (name === "") bad("name", "is empty");
    for (const field of ["name", "title", "department"]) {
      if (cell(field).length > MAX_TEXT) bad(field, `is longer than ${MAX_TEXT} characters`);
    }
    const manager = cell("manager_email").toLowerCase();
    if (manager !== "" && !EMAIL.test(manager))
      bad("manager_email", `"${manager}" is not an email`);
    if (manager !== "" && manager === email)
      bad("manager_email", "a person cannot manage themselves");
    const startDate = cell("start_date");
    const endDate = cell("end_date");
    for (const [field, value] of [
      ["start_date", startDate],
      ["end_date", endDate],
    ] as const) {
      if (value !== "" && !isCalendarDate(value))
        bad(field, `"${value}" is not a date (YYYY-MM-DD)`);
    }
    if (endDate !== "" && startDate === "") bad("start_date", "is empty but an end date is given");
    if (isCalendarDate(startDate) && isCalendarDate(endDate) && endDate < startDate) {
      bad("end_date", `${endDate} is before the start date ${startDate}`);
    }
    const type = cell("type").toLowerCase();
    if (!(EMPLOYMENT_TYPES as readonly string[]).includes(type)) {
      bad("type", `"${cell("type")}" is not employee or contractor`);
    }
    const employeeId = columns.has("employee_id") ? cell("employee_id") : "";
    if (employeeId !== "") {
      const other = employeeIds.get(employeeId);
      if (other !== undefined) bad("employee_id", `${employeeId} is also on line ${other}`);
      employeeIds.set(employeeId, row.line);
    }
    if (problems.length > before) continue;
    rows.push({
      line: row.line,
      person: {
        email,
        employeeId: employeeId === "" ? null : employeeId,
        name,
        title: cell("title"),
        department: cell("department"),
        managerEmail: manager === "" ? null : manager,
        startDate: startDate === "" ? null : startDate,
        endDate: endDate === "" ? null : endDate,
        type: type as EmploymentType,
      },
    });
  }
  return { rows, problems };
}

/** "line 3, start_date: …; line 7, type: …" for an error message. */
export function problemsInWords(problems: readonly CsvProblem[], shown = 10): string {
  const words = problems
    .slice(0, shown)
    .map((p) => `${p.line === 0 ? "file" : `line ${p.line}`}, ${p.field}: ${p.message}`);
  const more = problems.length > shown ? `; and ${problems.length - shown} more` : "";
  return `${words.join("; ")}${more}`;
}

/** A CSV refused whole: every problem named by line and column, nothing written. */
export function csvRefusal(problems: readonly CsvProblem[]): AppError {
  return new AppError(
    "VALIDATION_FAILED",
    `the file was refused and nothing was changed: ${problemsInWords(problems)}`,
    problems.map((p) => ({
      field: p.line === 0 ? p.field : `line ${p.line}: ${p.field}`,
      message: p.message,
    })),
  );
}
