import type pg from "pg";

type Value = string | number | boolean | Date | null;

// PostgreSQL takes at most 65,535 parameters per statement.
const MAX_PARAMS = 60_000;

/** Multi-row INSERTs of plain values, as many rows per statement as fit. */
export async function insertRows(
  client: pg.ClientBase | pg.Pool,
  table: string,
  columns: string[],
  rows: Value[][],
): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMS / columns.length);
  const names = columns.map((c) => `"${c}"`).join(", ");
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map(
      (_, r) =>
        `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join()})`,
    );
    await client.query(
      `INSERT INTO "${table}" (${names}) VALUES ${values.join(", ")}`,
      chunk.flat(),
    );
  }
}
