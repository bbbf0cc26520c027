import { z } from "zod";

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

/**
 * Inspector's event timestamps look like `Wed Sep 04 16:59:44.356 UTC
 * 2024`, not ISO; the API's are epoch numbers. Returns null when unknown.
 */
export function parseEventTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;

  const match =
    /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC (\d{4})$/.exec(
      value,
    );
  const text = match
    ? `${match[1]} ${match[2]} ${match[4]} ${match[3]} UTC`
    : value;
  const date = new Date(text);

  return Number.isNaN(date.getTime()) ? null : date;
}
