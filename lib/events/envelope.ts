import { z } from "zod";

import { parseInspectorTime } from "../findings/timestamps";

/** An EventBridge event as delivered to a target. */
export const envelopeSchema = z.object({
  version: z.string().optional(),
  id: z.string().min(1).max(200),
  "detail-type": z.string().min(1),
  source: z.string().min(1),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).default([]),
  detail: z.record(z.string(), z.unknown()),
});

export type EventEnvelope = z.infer<typeof envelopeSchema>;

export const IMAGE_STATE_CHANGE = "EC2 Image Builder Image State Change";
export const INSPECTOR_FINDING = "Inspector2 Finding";
export const INSPECTOR_AUTO_ENABLE = "Inspector2 AutoEnable";

/** An event's `time`-like string as a Date; null when unknown. */
export function parseEventTime(value: unknown): Date | null {
  return typeof value === "string" ? parseInspectorTime(value) : null;
}
