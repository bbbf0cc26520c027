import "server-only";

import { createRuntimeAdapter } from "./adapter";
import { PrismaClient } from "./generated/prisma/client";

declare global {
  var __portalPrisma: PrismaClient | undefined;
}

/** One client per process, created on first use (never at build time). */
export function getPrisma(): PrismaClient {
  globalThis.__portalPrisma ??= new PrismaClient({
    adapter: createRuntimeAdapter(),
  });

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
