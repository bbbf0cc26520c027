import type { OperationContext } from "./context";
import {
  type EmulatorEvent,
  envelope,
  inspectorEventTime,
} from "./event-envelope";
import { findingsByImage } from "./inspector-findings";
import { statusHistory } from "./lifecycle";
import type { EmulatorState, Wire } from "./state-types";
import { isObject } from "./validation";

export type { EmulatorEvent } from "./event-envelope";

// LIMITATION: of Image Builder's events only Image State Change and Image
// Pipeline Automatically Disabled are emitted (no CVE Detected, no
// Workflow Step Waiting); of Inspector2's only Finding (no Scan, no
// Coverage). Events appear when the emulator is next used or its clock
// ticks, so their `time` is the transition's, not the delivery's.

/** Receives each event the emulator emits, one at a time. */
export type EventSink = (event: EmulatorEvent) => Promise<void>;

declare global {
  var __awsEmulatorEventSink: EventSink | null | undefined;
}

/**
 * Replaces where events go (tests capture them); `null` switches delivery
 * off, `undefined` restores the default (HTTP POST when configured).
 */
export function setEmulatorEventSink(sink: EventSink | null | undefined) {
  globalThis.__awsEmulatorEventSink = sink;
}

export function currentEventSink(fallback: EventSink | null): EventSink | null {
  const chosen = globalThis.__awsEmulatorEventSink;

  return chosen === undefined ? fallback : chosen;
}

/**
 * Per state: the images that are finished and whose every status change
 * and findings were sent. Time alone cannot change that (only a change of
 * the state can), so they are not worked out again on every request.
 */
const settled = new WeakMap<EmulatorState, Set<string>>();
const FINAL = new Set(["AVAILABLE", "FAILED", "CANCELLED"]);

/** Whether any image has status changes or findings not yet sent. */
export function eventsPending(context: OperationContext): boolean {
  const { state } = context;
  const done = settled.get(state) ?? new Set<string>();
  settled.set(state, done);

  return state.images.some((image) => {
    const cursor = state.eventCursors[image.arn];
    if (!cursor || done.has(image.arn)) return false;
    const history = statusHistory(image, context.now, context.stepSeconds);
    const last = history.at(-1)?.status;
    const unsentFindings =
      !cursor.findings && image.scanningEnabled && last === "AVAILABLE";
    const pending = cursor.statuses < history.length || unsentFindings;
    if (!pending && last && FINAL.has(last)) done.add(image.arn);

    return pending;
  });
}

/**
 * The "EC2 Image Builder Image State Change" events for every status change
 * not yet sent, and one "Inspector2 Finding" event per finding of images
 * that became AVAILABLE; advances the cursors in the (draft) state.
 */
export function collectEvents(context: OperationContext): EmulatorEvent[] {
  const { state } = context;
  const events: EmulatorEvent[] = [];
  for (const image of state.images) {
    const cursor = state.eventCursors[image.arn];
    if (!cursor) continue;
    const history = statusHistory(image, context.now, context.stepSeconds);
    const first = Math.max(cursor.statuses, 1);
    for (let index = first; index < history.length; index += 1) {
      const previous = history[index - 1];
      const current = history[index];
      events.push(
        envelope(context, {
          detailType: "EC2 Image Builder Image State Change",
          source: "aws.imagebuilder",
          time: current.at,
          resources: [image.arn],
          detail: {
            "previous-state": { status: previous.status },
            state: current.reason
              ? { status: current.status, reason: current.reason }
              : { status: current.status },
          },
        }),
      );
    }
    cursor.statuses = history.length;
  }

  const unsent = (image: { arn: string }) =>
    state.eventCursors[image.arn]?.findings === false;
  for (const scanned of findingsByImage(context, unsent)) {
    const cursor = state.eventCursors[scanned.image.arn];
    if (!cursor || cursor.findings) continue;
    cursor.findings = true;
    for (const finding of scanned.findings) {
      events.push(findingEvent(context, finding));
    }
  }

  return events;
}

function findingEvent(context: OperationContext, finding: Wire): EmulatorEvent {
  const resources = (finding.resources as Wire[]).map((r) => String(r.id));
  const detail: Wire = { ...finding };
  for (const key of ["firstObservedAt", "lastObservedAt", "updatedAt"]) {
    if (typeof finding[key] === "number") {
      detail[key] = inspectorEventTime(finding[key] as number);
    }
  }
  const details = finding.packageVulnerabilityDetails;
  if (isObject(details)) {
    detail.packageVulnerabilityDetails = {
      ...details,
      vendorCreatedAt: eventTime(details.vendorCreatedAt),
      vendorUpdatedAt: eventTime(details.vendorUpdatedAt),
    };
  }

  return envelope(context, {
    detailType: "Inspector2 Finding",
    source: "aws.inspector2",
    time: new Date(Number(finding.updatedAt) * 1000),
    resources,
    detail,
  });
}

function eventTime(value: unknown): string | undefined {
  return typeof value === "number" ? inspectorEventTime(value) : undefined;
}
