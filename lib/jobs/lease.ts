import "server-only";

import { randomUUID } from "node:crypto";
import os from "node:os";

import { prisma } from "../db";
import { isUniqueViolation } from "../db-errors";

declare global {
  var __portalInstanceId: string | undefined;
}

/** This portal process, as named in lease rows. */
export function instanceId(): string {
  globalThis.__portalInstanceId ??= `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  return globalThis.__portalInstanceId;
}

export type LeaseRun =
  | { ran: true; items: number }
  | { ran: false; holder: string | null };

/**
 * Runs `job` only while this instance holds the named lease row. The
 * holder renews it on every run and keeps it until it stops renewing; then
 * the lease expires and another instance takes over.
 */
export async function withLease(
  name: string,
  ttlSeconds: number,
  job: () => Promise<number>,
  holder = instanceId(),
): Promise<LeaseRun> {
  const acquired = await acquire(name, holder, ttlSeconds);
  if (!acquired) {
    const row = await prisma.jobLease.findUnique({ where: { name } });

    return { ran: false, holder: row?.holder ?? null };
  }

  let items = 0;
  let failure: string | null = null;
  try {
    items = await job();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    await prisma.jobLease.updateMany({
      where: { name, holder },
      data: {
        lastEndedAt: new Date(),
        lastItems: items,
        lastError: failure,
        runs: { increment: 1 },
        expiresAt: new Date(Date.now() + ttlSeconds * 1000),
      },
    });
  }

  return { ran: true, items };
}

async function acquire(
  name: string,
  holder: string,
  ttlSeconds: number,
): Promise<boolean> {
  const now = new Date();
  const data = {
    holder,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    lastStartedAt: now,
  };
  const taken = await prisma.jobLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data,
  });
  if (taken.count === 1) return true;

  try {
    await prisma.jobLease.create({ data: { name, ...data } });

    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
