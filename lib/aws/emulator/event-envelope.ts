import { createHash } from "node:crypto";

import type { Scope } from "./arns";
import type { Wire } from "./state-types";

/** An event in EventBridge's envelope, as a rule target receives it. */
export interface EmulatorEvent {
  version: "0";
  id: string;
  "detail-type": string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Wire;
}

interface EventParts {
  detailType: string;
  source: string;
  time: Date;
  resources: string[];
  detail: Wire;
}

/**
 * Wraps a detail in the envelope. The id is derived from the content, so
 * an event re-sent after a crash carries the same id (receivers dedupe).
 */
export function envelope(scope: Scope, parts: EventParts): EmulatorEvent {
  const time = parts.time.toISOString().replace(/\.[0-9]{3}Z$/, "Z");
  const digest = createHash("sha256")
    .update(JSON.stringify([parts.detailType, parts.resources, parts.detail]))
    .update(time)
    .digest("hex");
  const id = [
    digest.slice(0, 8),
    digest.slice(8, 12),
    `4${digest.slice(13, 16)}`,
    `8${digest.slice(17, 20)}`,
    digest.slice(20, 32),
  ].join("-");

  return {
    version: "0",
    id,
    "detail-type": parts.detailType,
    source: parts.source,
    account: scope.accountId,
    time,
    region: scope.region,
    resources: parts.resources,
    detail: parts.detail,
  };
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = [
  "Jan", "Feb", "Mar", "Apr", "May", "Jun",
  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/**
 * Inspector2 events carry timestamps as `Wed Sep 04 16:59:44.356 UTC 2024`
 * rather than the API's epoch seconds.
 */
export function inspectorEventTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const pad = (value: number, size = 2) => String(value).padStart(size, "0");
  const clock =
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:` +
    `${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;

  return (
    `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ` +
    `${pad(date.getUTCDate())} ${clock} UTC ${date.getUTCFullYear()}`
  );
}
