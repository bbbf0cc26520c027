import "server-only";

import type { Tx } from "./db";
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
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
      requestId: entry.requestId,
    },
  });
}
