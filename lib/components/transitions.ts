import "server-only";

import { audit } from "../audit";
import type { Tx } from "../db";
import { UserFacingError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { ComponentVersionStatus } from "../generated/prisma/enums";

export interface Actor {
  id: string;
  requestId: string;
}

interface Transition {
  versionId: string;
  from: ComponentVersionStatus;
  to: ComponentVersionStatus;
  /** Audit action, e.g. `component.approve`. */
  action: string;
  data?: Prisma.ComponentVersionUncheckedUpdateManyInput;
  details?: Record<string, Prisma.InputJsonValue | null>;
}

/**
 * Moves a version from one state to the next and audits it (who, when,
 * from → to). The status is part of the `where`, so of two concurrent
 * reviewers only one wins; the other gets a message instead.
 */
export async function transition(
  tx: Tx,
  actor: Actor,
  step: Transition,
): Promise<void> {
  const result = await tx.componentVersion.updateMany({
    where: { id: step.versionId, status: step.from },
    data: { ...step.data, status: step.to },
  });
  if (result.count !== 1) {
    throw new UserFacingError(
      "This version changed in the meantime. Reload the page and try again.",
    );
  }

  await audit(tx, {
    actorId: actor.id,
    action: step.action,
    entityType: "ComponentVersion",
    entityId: step.versionId,
    details: { from: step.from, to: step.to, ...step.details },
    requestId: actor.requestId,
  });
}
