import "server-only";

import type { Sql } from "./db";

/** The tables written this way; the name goes into the SQL as is. */
type Table = "Finding" | "ResourceFinding" | "AuditEntry";

/**
 * Inserts rows with one statement and one parameter: PostgreSQL turns a
 * JSON array into rows of the table itself. Every column needs a value (an
 * absent key is NULL, not the column's default); `onConflict` is the
 * statement's ON CONFLICT clause, if any, without parameters.
 */
export async function insertJsonRows(
  sql: Sql,
  table: Table,
  rows: Record<string, unknown>[],
  onConflict = "",
): Promise<void> {
  if (rows.length === 0) return;

  await sql.query(
    `INSERT INTO "${table}"
     SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)
     ${onConflict}`,
    [JSON.stringify(rows)],
  );
}

/** `SET "a" = EXCLUDED."a", …` for the columns of `row` but `keep`. */
export function setExcluded(
  row: Record<string, unknown>,
  keep: string[],
): string {
  return Object.keys(row)
    .filter((column) => !keep.includes(column))
    .map((column) => `"${column}" = EXCLUDED."${column}"`)
    .join(", ");
}
