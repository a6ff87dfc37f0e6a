/**
 * db/schema.ts (what the code believes) against the migrated database (what is there), on
 * the engine under test: the same tables, the same columns, and the same nullability and kind
 * of value in each. The TypeScript is read with the compiler's own parser.
 */
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, testEngine } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";

type Kind = "text" | "number" | "bytes" | "untyped";

interface ColumnShape {
  kind: Kind;
  nullable: boolean;
}

type TableShapes = Record<string, Record<string, ColumnShape>>;

const SCHEMA_FILE = new URL("./schema.ts", import.meta.url);
/** Tables Kysely's migrator keeps for itself. */
const MIGRATOR_TABLES = new Set(["attest_migration", "attest_migration_lock"]);
/** The PostgreSQL evidence store's own tables: on SQLite, files live on disk instead. */
const POSTGRES_ONLY = new Set(["blobs", "blob_chunks"]);

function kindOf(types: readonly string[]): Kind {
  const set = new Set(types);
  // A bigint count, which pg hands over as text (portable.ts's toNumber reads both).
  if (set.has("string") && set.has("number")) return "number";
  if (set.has("string")) return "text";
  if (set.has("number")) return "number";
  if (set.has("Buffer")) return "bytes";
  throw new Error(`schema.ts: no database kind for ${types.join(" | ")}`);
}

/** Reads db/schema.ts: the Database interface names each table's interface. */
function declaredTables(): TableShapes {
  const source = ts.createSourceFile(
    "schema.ts",
    readFileSync(SCHEMA_FILE, "utf8"),
    ts.ScriptTarget.Latest,
  );
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  }
  const columnsOf = (name: string): Record<string, ColumnShape> => {
    const declaration = interfaces.get(name);
    if (declaration === undefined) throw new Error(`schema.ts: no interface ${name}`);
    const columns: Record<string, ColumnShape> = {};
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || member.type === undefined) continue;
      const parts = ts.isUnionTypeNode(member.type)
        ? member.type.types.map((t) => t.getText(source))
        : [member.type.getText(source)];
      const values = parts.filter((part) => part !== "null");
      columns[member.name.getText(source)] = {
        kind: kindOf(values),
        nullable: parts.includes("null"),
      };
    }
    return columns;
  };
  const tables: TableShapes = {};
  for (const member of interfaces.get("Database")?.members ?? []) {
    if (ts.isPropertySignature(member) && member.type !== undefined) {
      tables[member.name.getText(source)] = columnsOf(member.type.getText(source));
    }
  }
  return tables;
}

function kindOfSqlType(type: string): Kind {
  const t = type.toLowerCase();
  if (/int|real|double|numeric|decimal/.test(t)) return "number";
  if (/blob|bytea/.test(t)) return "bytes";
  if (/text|char|json/.test(t)) return "text";
  // SQLite lets a column have no declared type; it then takes whatever it is given.
  return "untyped";
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  nullable: number | boolean | string;
}

async function migratedTables(test: TestContext): Promise<TableShapes> {
  const query =
    testEngine === "postgres"
      ? sql<ColumnRow>`select table_name, column_name, data_type, is_nullable = 'YES' as nullable
          from information_schema.columns where table_schema = current_schema()`
      : // A primary key column is never null in practice even where SQLite would allow it.
        sql<ColumnRow>`select m.name as table_name, p.name as column_name, p.type as data_type,
          (p."notnull" = 0 and p.pk = 0) as nullable
          from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table' and m.name not like 'sqlite_%'`;
  const rows = (await query.execute(test.ctx.db.kysely)).rows;
  const tables: TableShapes = {};
  for (const row of rows) {
    if (MIGRATOR_TABLES.has(row.table_name)) continue;
    const table = (tables[row.table_name] ??= {});
    table[row.column_name] = {
      kind: kindOfSqlType(row.data_type),
      nullable: row.nullable === true || row.nullable === 1 || row.nullable === "1",
    };
  }
  return tables;
}

let test: TestContext;
beforeAll(async () => {
  test = await createTestContext();
});
afterAll(async () => {
  await test.close();
});

describe(`db/schema.ts and the migrated ${testEngine} database`, () => {
  it("declare the same tables", async () => {
    const declared = Object.keys(declaredTables())
      .filter((table) => testEngine === "postgres" || !POSTGRES_ONLY.has(table))
      .sort();
    const migrated = Object.keys(await migratedTables(test)).sort();
    expect(declared).toEqual(migrated);
  });

  it("declare the same columns, each as nullable and of the same kind", async () => {
    const declared = declaredTables();
    const migrated = await migratedTables(test);
    for (const [table, columns] of Object.entries(migrated)) {
      expect(declared[table], `table ${table}`).toEqual(columns);
    }
  });

  it("reads each column's kind and nullability from the declarations", () => {
    const declared = declaredTables();
    expect(declared.organizations?.slug).toEqual({ kind: "text", nullable: false });
    expect(declared.organizations?.audit_head_seq).toEqual({ kind: "number", nullable: true });
  });
});
