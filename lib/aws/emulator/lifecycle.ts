import type { ImageRecord } from "./state-types";

export type ImageStatus =
  | "PENDING"
  | "CREATING"
  | "BUILDING"
  | "TESTING"
  | "DISTRIBUTING"
  | "INTEGRATING"
  | "AVAILABLE"
  | "FAILED"
  | "CANCELLED";

export interface ImageProgress {
  status: ImageStatus;
  reason?: string;
  /** When the image reached AVAILABLE (only when it did). */
  availableAt?: Date;
  /** Whether the build got past DISTRIBUTING (AMIs exist). */
  distributed: boolean;
  scanStatus?: "PENDING" | "SCANNING" | "COMPLETED" | "ABANDONED";
}

// LIMITATION: DEPRECATED, DISABLED and DELETED come from lifecycle
// policies and StartResourceStateUpdate, which are not emulated; builds
// end AVAILABLE, FAILED or CANCELLED.
const TERMINAL: ImageStatus[] = ["AVAILABLE", "FAILED", "CANCELLED"];

/**
 * An image's state, derived from elapsed time when read (no timers): each
 * stage lasts `stepSeconds`. A planned failure (see `planFailure` in
 * images.ts) turns the image FAILED at the moment it would leave the
 * failing stage. A cancellation freezes it as CANCELLED.
 */
export function imageProgress(
  image: ImageRecord,
  now: Date,
  stepSeconds: number,
): ImageProgress {
  const stages = stagesOf(image);
  const started = Date.parse(image.createdAt);
  const stageAt = (at: number) => {
    if (stepSeconds <= 0) return stages.length - 1;
    const index = Math.floor((at - started) / (stepSeconds * 1000));

    return Math.min(Math.max(index, 0), stages.length - 1);
  };
  const cancelledAt = image.cancelledAt && Date.parse(image.cancelledAt);
  const reached = stageAt(cancelledAt || now.getTime());
  const failIndex = image.failure ? stages.indexOf(image.failure.stage) : -1;
  const scanning = image.scanningEnabled;

  if (failIndex >= 0 && reached > failIndex) {
    return {
      status: "FAILED",
      reason: image.failure?.reason,
      distributed: false,
      scanStatus: scanning ? "ABANDONED" : undefined,
    };
  }
  if (cancelledAt) {
    return {
      status: "CANCELLED",
      reason: "The image build was cancelled.",
      distributed: false,
      scanStatus: scanning ? "ABANDONED" : undefined,
    };
  }
  const status = stages[reached];
  const last = stages.length - 1;
  const availableAt =
    status === "AVAILABLE"
      ? new Date(started + Math.max(stepSeconds, 0) * 1000 * last)
      : undefined;

  return {
    status,
    availableAt,
    distributed: reached > stages.indexOf("DISTRIBUTING"),
    scanStatus: scanning ? scanStatusAt(status) : undefined,
  };
}

export function isTerminal(status: ImageStatus): boolean {
  return TERMINAL.includes(status);
}

function stagesOf(image: ImageRecord): ImageStatus[] {
  const all: ImageStatus[] = [
    "PENDING",
    "CREATING",
    "BUILDING",
    "TESTING",
    "DISTRIBUTING",
    "INTEGRATING",
    "AVAILABLE",
  ];

  return image.testsEnabled ? all : all.filter((s) => s !== "TESTING");
}

function scanStatusAt(status: ImageStatus): ImageProgress["scanStatus"] {
  if (status === "AVAILABLE") return "COMPLETED";
  if (status === "BUILDING" || status === "TESTING") return "SCANNING";

  return status === "DISTRIBUTING" || status === "INTEGRATING"
    ? "SCANNING"
    : "PENDING";
}

export interface StatusChange {
  status: ImageStatus;
  at: Date;
  reason?: string;
}

/**
 * Every status the image has had up to `now`, oldest first, with the
 * moment it was entered. The last entry agrees with `imageProgress`.
 */
export function statusHistory(
  image: ImageRecord,
  now: Date,
  stepSeconds: number,
): StatusChange[] {
  const progress = imageProgress(image, now, stepSeconds);
  const stages = stagesOf(image);
  const started = Date.parse(image.createdAt);
  const at = (index: number) =>
    new Date(started + Math.max(stepSeconds, 0) * 1000 * index);
  const terminalFailure =
    progress.status === "FAILED" || progress.status === "CANCELLED";
  const lastStage = terminalFailure
    ? lastStageBefore(image, stages, stepSeconds)
    : stages.indexOf(progress.status);
  const history: StatusChange[] = stages
    .slice(0, lastStage + 1)
    .map((status, index) => ({ status, at: at(index) }));
  if (progress.status === "FAILED") {
    const failIndex = stages.indexOf(image.failure?.stage ?? "BUILDING");
    history.push({
      status: "FAILED",
      at: at(failIndex + 1),
      reason: progress.reason,
    });
  }
  if (progress.status === "CANCELLED") {
    history.push({
      status: "CANCELLED",
      at: new Date(image.cancelledAt ?? now),
      reason: progress.reason,
    });
  }

  return history;
}

function lastStageBefore(
  image: ImageRecord,
  stages: ImageStatus[],
  stepSeconds: number,
): number {
  const failIndex = image.failure ? stages.indexOf(image.failure.stage) : -1;
  const cancelled = image.cancelledAt ? Date.parse(image.cancelledAt) : NaN;
  const started = Date.parse(image.createdAt);
  const cancelIndex = Number.isNaN(cancelled)
    ? stages.length - 1
    : stepSeconds <= 0
      ? stages.length - 1
      : Math.floor((cancelled - started) / (stepSeconds * 1000));
  const failStop = failIndex >= 0 ? failIndex : stages.length - 1;

  return Math.max(0, Math.min(cancelIndex, failStop, stages.length - 1));
}

/** The stages a build goes through (TESTING only when tests run). */
export function buildStages(image: ImageRecord): ImageStatus[] {
  return stagesOf(image);
}
