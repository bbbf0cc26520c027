import "server-only";

import { sqlTransaction } from "../db";
import { ingestFindings } from "../findings/ingest";
import type { Logger } from "../logger";
import type { EventEnvelope } from "./envelope";

/**
 * One finding Inspector reported: stored on the portal image whose AMI it
 * names, or kept as a finding of another resource. The envelope's `time`
 * is the event's, not the finding's: the finding's own timestamps are used.
 */
// LIMITATION: findings arriving after the first collection update the
// counts but send no second digest (one digest per image).
export async function applyInspectorFinding(event: EventEnvelope, log: Logger) {
  const result = await sqlTransaction((sql) =>
    ingestFindings(sql, [event.detail]),
  );
  log.info({ event: event.id, ...result }, "finding event applied");

  if (result.attached > 0) {
    return {
      status: "applied" as const,
      detail: `${result.imageIds.join(",")} finding`,
    };
  }

  return {
    status: "applied" as const,
    detail:
      result.malformed > 0 ? "malformed finding kept" : "resource finding",
  };
}
