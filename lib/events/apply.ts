import "server-only";

import { syncImage } from "../builds/sync-image";
import { prisma } from "../db";
import { isUniqueViolation } from "../db-errors";
import { logger } from "../logger";
import { adoptImage } from "../pipelines/runs";
import { autoEnableEvent } from "./account-alerts";
import {
  envelopeSchema,
  IMAGE_STATE_CHANGE,
  INSPECTOR_AUTO_ENABLE,
  INSPECTOR_FINDING,
  type EventEnvelope,
} from "./envelope";
import { applyInspectorFinding } from "./inspector-finding";

const log = logger.child({ module: "events" });

export type EventOutcome =
  | { status: "applied" | "ignored"; detail: string }
  | { status: "duplicate" }
  | { status: "invalid"; detail: string };

/**
 * Applies one EventBridge event at most once: its id is recorded first
 * (a replay hits the unique key and changes nothing), and removed again if
 * applying fails so EventBridge's retry can apply it later. What an event
 * triggers is itself idempotent with the reconciler.
 */
// LIMITATION: processed event ids are kept forever (no pruning job yet);
// the table grows by one small row per event.
export async function receiveEvent(body: unknown): Promise<EventOutcome> {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    return { status: "invalid", detail: "Not an EventBridge event." };
  }
  const event = parsed.data;

  try {
    await prisma.processedEvent.create({
      data: {
        id: event.id,
        detailType: event["detail-type"],
        resource: event.resources[0] ?? null,
        outcome: "received",
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "duplicate" };
    throw error;
  }

  try {
    const outcome = await dispatch(event);
    await prisma.processedEvent.update({
      where: { id: event.id },
      data: { outcome: `${outcome.status}: ${outcome.detail}`.slice(0, 300) },
    });

    return outcome;
  } catch (error) {
    await prisma.processedEvent.delete({ where: { id: event.id } });
    throw error;
  }
}

/** Keeps an unparseable payload as it came, for an admin to look at. */
// LIMITATION: only the first 256 KiB of a payload are kept (EventBridge's
// own event size limit); a larger body is cut.
export async function rejectEvent(payload: string, error: string) {
  await prisma.rejectedEvent.create({
    data: { payload: payload.slice(0, MAX_PAYLOAD), error },
  });
  log.warn({ error, bytes: payload.length }, "event rejected");
}

const MAX_PAYLOAD = 256 * 1024;

async function dispatch(
  event: EventEnvelope,
): Promise<{ status: "applied" | "ignored"; detail: string }> {
  const type = event["detail-type"];
  if (type === IMAGE_STATE_CHANGE) return imageStateChange(event);
  if (type === INSPECTOR_FINDING) return applyInspectorFinding(event, log);
  if (type === INSPECTOR_AUTO_ENABLE) return autoEnableEvent(event, log);

  return { status: "ignored", detail: `unhandled type ${type}` };
}

/**
 * The event says which build changed; GetImage gives the whole truth
 * (AMI ids are not in the event), so events arriving out of order or twice
 * cannot move a build backwards.
 */
async function imageStateChange(event: EventEnvelope) {
  const arn = event.resources.find((r) => r.includes(":image/"));
  if (!arn) return { status: "ignored" as const, detail: "no image ARN" };

  const imageId = await adoptImage(arn, log);
  if (!imageId) {
    return { status: "ignored" as const, detail: "not a portal build" };
  }

  await syncImage(imageId, log);
  const state = event.detail.state as { status?: string } | undefined;

  return {
    status: "applied" as const,
    detail: `${imageId} ${state?.status ?? "?"}`,
  };
}
