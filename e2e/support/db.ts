import pg from "pg";

const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55433);

/** Runs one query against the e2e database the portal is using. */
export async function query<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: PG_PORT,
    user: "portal",
    database: "postgres",
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
