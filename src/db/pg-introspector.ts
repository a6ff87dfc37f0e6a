/**
 * What Kysely's migrator sees of a PostgreSQL database: the tables of the current schema
 * only. Kysely's own introspector reads every schema on the server and calls functions that
 * look a schema up by name, so a schema dropped meanwhile by another database user (another
 * Attest, a parallel test run) fails the migration with "schema … does not exist".
 */
import { sql } from "kysely";
import type {
  DatabaseIntrospector,
  DatabaseMetadata,
  DatabaseMetadataOptions,
  Kysely,
  SchemaMetadata,
  TableMetadata,
} from "kysely";

interface ColumnRow {
  table_name: string;
  table_kind: string;
  column_name: string;
  data_type: string;
  not_null: boolean;
  has_default: boolean;
  schema_name: string;
}

const MIGRATOR_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ name: string }>`select current_schema() as name`.execute(this.#db);
    return result.rows;
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const result = await sql<ColumnRow>`
      select c.relname as table_name, c.relkind as table_kind, a.attname as column_name,
        t.typname as data_type, a.attnotnull as not_null, a.atthasdef as has_default,
        ns.nspname as schema_name
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on a.attrelid = c.oid
      join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
      join pg_catalog.pg_type t on a.atttypid = t.oid
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
        and a.attnum >= 0 and not a.attisdropped
      order by c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<
      string,
      TableMetadata & { columns: TableMetadata["columns"][number][] }
    >();
    for (const row of result.rows) {
      if (!options.withInternalKyselyTables && MIGRATOR_TABLES.has(row.table_name)) continue;
      let table = tables.get(row.table_name);
      if (table === undefined) {
        table = {
          name: row.table_name,
          schema: row.schema_name,
          isView: row.table_kind === "v",
          columns: [],
        };
        tables.set(row.table_name, table);
      }
      table.columns.push({
        name: row.column_name,
        dataType: row.data_type,
        isNullable: !row.not_null,
        isAutoIncrementing: false,
        hasDefaultValue: row.has_default,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
