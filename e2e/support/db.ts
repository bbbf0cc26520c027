import pg from "pg";

const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55433);

/**
 * Runs one query against an e2e database: `postgres` for the demo-sign-in
 * portal, `oidc` for the portal signed in through the OIDC provider.
 */
export async function query<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
  database = "postgres",
): Promise<T[]> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: PG_PORT,
    user: "portal",
    database,
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
