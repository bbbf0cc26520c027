import "server-only";

import type pg from "pg";

import { createRuntimeAdapter, runtimePool } from "./adapter";
import { PrismaClient } from "./generated/prisma/client";

declare global {
  var __portalPrisma: PrismaClient | undefined;
  var __portalPool: pg.Pool | null | undefined;
}

/** One client per process, created on first use (never at build time). */
export function getPrisma(): PrismaClient {
  if (!globalThis.__portalPrisma) {
    globalThis.__portalPool = runtimePool();
    globalThis.__portalPrisma = new PrismaClient({
      adapter: createRuntimeAdapter(globalThis.__portalPool),
    });
  }

  return globalThis.__portalPrisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getPrisma();
    const value = Reflect.get(client, prop, client) as unknown;

    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Plain SQL with $1, $2… placeholders. Timestamps go in as ISO strings
 * (cast in the SQL): the pg driver would send a Date in local time.
 */
export interface Sql {
  query<T = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<T[]>;
}

/** The Sql of a Prisma transaction. */
export function txSql(tx: Tx): Sql {
  return {
    query: <T>(text: string, values: unknown[] = []) =>
      tx.$queryRawUnsafe<T[]>(text, ...values),
  };
}

/**
 * A transaction of plain SQL for bulk writes. On PostgreSQL it runs on the
 * pool Prisma itself uses, straight through the driver: Prisma copies
 * every byte of a raw statement's parameters through its query compiler,
 * about 70 ms for the 2 MB of findings of 25 images, where the driver
 * takes 5 ms. PGlite has one connection, which Prisma owns, so there it is
 * a Prisma transaction.
 */
export async function sqlTransaction<T>(
  fn: (sql: Sql) => Promise<T>,
): Promise<T> {
  const prisma = getPrisma();
  const pool = globalThis.__portalPool;
  if (!pool) {
    return prisma.$transaction((tx) => fn(txSql(tx)), { timeout: 60_000 });
  }

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn({
      query: async <R>(text: string, values: unknown[] = []) =>
        (await client.query(text, values)).rows as R[],
    });
    await client.query("COMMIT");

    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
