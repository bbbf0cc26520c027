import "server-only";

import { randomUUID } from "node:crypto";

import type { Sql, Tx } from "./db";
import { insertJsonRows } from "./db-json-rows";
import type { Prisma } from "./generated/prisma/client";

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
  requestId?: string;
}

/** Writes an audit entry inside the caller's transaction. */
export async function audit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: entryData(entry) });
}

/** Several audit entries in one statement, inside the caller's transaction. */
export async function auditMany(
  sql: Sql,
  entries: AuditInput[],
): Promise<void> {
  const at = new Date();
  await insertJsonRows(
    sql,
    "AuditEntry",
    entries.map((entry) => ({ id: randomUUID(), at, ...entryData(entry) })),
  );
}

function entryData(entry: AuditInput) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details ?? {},
    requestId: entry.requestId,
  };
}
