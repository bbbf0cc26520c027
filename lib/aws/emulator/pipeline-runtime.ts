import { configurationWire } from "./configurations";
import type { OperationContext } from "./context";
import { type EmulatorEvent, envelope } from "./event-envelope";
import { currentDependencies, startImageBuild } from "./image-build";
import { imageProgress, isTerminal } from "./lifecycle";
import { findRecipe } from "./recipes";
import { nextRun, readSchedule } from "./schedule";
import type {
  ConfigurationRecord,
  EmulatorState,
  ImageRecord,
  Wire,
} from "./state-types";
import { compact } from "./validation";

type BuildType = "USER_INITIATED" | "SCHEDULED";

/** Starts a build of the pipeline's current recipe and configurations. */
export function buildFromPipeline(
  context: OperationContext,
  record: ConfigurationRecord,
  buildType: BuildType,
  tags?: Record<string, string>,
): ImageRecord {
  const wire = record.wire;
  const image = startImageBuild(context, {
    imageRecipeArn: String(wire.imageRecipeArn),
    infrastructureConfigurationArn: String(
      wire.infrastructureConfigurationArn,
    ),
    distributionConfigurationArn: wire.distributionConfigurationArn as
      | string
      | undefined,
    imageTestsConfiguration: wire.imageTestsConfiguration as Wire,
    imageScanningConfiguration: wire.imageScanningConfiguration as Wire,
    enhancedImageMetadataEnabled: wire.enhancedImageMetadataEnabled as boolean,
    tags: { ...(wire.imageTags as Record<string, string>), ...tags },
    buildType,
    pipeline: { arn: record.arn, name: record.name },
  });
  record.wire = { ...wire, dateLastRun: context.now.toISOString() };

  return image;
}

/** The ImagePipeline wire object with its run-time members for now. */
export function pipelineWire(
  context: OperationContext,
  record: ConfigurationRecord,
): Wire {
  const images = pipelineImages(context.state, record);
  const last = images.at(-1);
  const lastRunStatus = last
    ? imageProgress(last, context.now, context.stepSeconds).status
    : undefined;

  return compact({
    ...configurationWire(context.state, record),
    dateNextRun:
      record.wire.status === "ENABLED" ? record.runtime?.nextRunAt : undefined,
    lastRunStatus,
    consecutiveFailures: consecutiveFailures(context, record),
  });
}

/** Fresh run-time data after a create or update of the pipeline. */
export function resetRuntime(
  record: ConfigurationRecord,
  now: Date,
): void {
  const schedule = readSchedule(record.wire.schedule);
  record.runtime = {
    failuresSince: now.toISOString(),
    nextRunAt: schedule ? nextRun(schedule, now)?.toISOString() : undefined,
  };
}

/**
 * Scheduled failures in a row, newest first, since the last create/update;
 * a successful scheduled build ends the run, manual builds do not count.
 */
export function consecutiveFailures(
  context: OperationContext,
  record: ConfigurationRecord,
): number {
  const since = record.runtime?.failuresSince ?? "";
  const scheduled = pipelineImages(context.state, record)
    .filter((image) => image.wire.buildType === "SCHEDULED")
    .filter((image) => image.createdAt >= since)
    .map((image) => imageProgress(image, context.now, context.stepSeconds))
    .filter((progress) => isTerminal(progress.status))
    .reverse();
  const firstOk = scheduled.findIndex((p) => p.status !== "FAILED");

  return firstOk === -1 ? scheduled.length : firstOk;
}

/** Whether any enabled pipeline's schedule has come due. */
export function schedulesDue(state: EmulatorState, now: Date): boolean {
  const iso = now.toISOString();

  return state.pipelines.some(
    (record) =>
      record.wire.status === "ENABLED" &&
      record.runtime?.nextRunAt !== undefined &&
      record.runtime.nextRunAt <= iso,
  );
}

/**
 * Fires every due schedule once (missed matches collapse into one run, as
 * a paused service catching up would not build twice), honouring the
 * start condition, then plans the next match.
 */
export function runDueSchedules(context: OperationContext): void {
  const iso = context.now.toISOString();
  for (const record of context.state.pipelines) {
    const runtime = record.runtime;
    const due =
      record.wire.status === "ENABLED" &&
      runtime?.nextRunAt !== undefined &&
      runtime.nextRunAt <= iso;
    if (!due || !runtime) continue;

    const schedule = readSchedule(record.wire.schedule);
    const matchedAt = runtime.nextRunAt as string;
    try {
      const build = shouldBuild(context, record);
      if (build) buildFromPipeline(context, record, "SCHEDULED");
      runtime.lastMatch = {
        at: matchedAt,
        outcome: build ? "STARTED" : "SKIPPED_NO_UPDATES",
      };
    } catch {
      // LIMITATION: a scheduled run whose recipe or configurations are
      // gone is dropped silently; the service would record a FAILED image.
      runtime.lastMatch = { at: matchedAt, outcome: "SKIPPED_NO_UPDATES" };
    }
    runtime.nextRunAt = schedule
      ? nextRun(schedule, context.now)?.toISOString()
      : undefined;
  }
}

/** Pipelines whose auto-disable threshold is reached: disabled now. */
export function autoDisable(context: OperationContext): EmulatorEvent[] {
  const events: EmulatorEvent[] = [];
  for (const record of context.state.pipelines) {
    const schedule = readSchedule(record.wire.schedule);
    const limit = schedule?.failureCount;
    if (!limit || record.wire.status !== "ENABLED") continue;
    const failures = consecutiveFailures(context, record);
    if (failures < limit) continue;

    record.wire = { ...record.wire, status: "DISABLED" };
    events.push(
      envelope(context, {
        detailType: "EC2 Image Builder Image Pipeline Automatically Disabled",
        source: "aws.imagebuilder",
        time: context.now,
        resources: [record.arn],
        detail: { "consecutive-failures": String(failures) },
      }),
    );
  }

  return events;
}

export function needsAutoDisable(context: OperationContext): boolean {
  return context.state.pipelines.some((record) => {
    const limit = readSchedule(record.wire.schedule)?.failureCount;

    return (
      limit !== undefined &&
      record.wire.status === "ENABLED" &&
      consecutiveFailures(context, record) >= limit
    );
  });
}

function shouldBuild(
  context: OperationContext,
  record: ConfigurationRecord,
): boolean {
  const schedule = readSchedule(record.wire.schedule);
  if (schedule?.startCondition === "EXPRESSION_MATCH_ONLY") return true;

  const last = pipelineImages(context.state, record).at(-1);
  if (!last?.resolvedDependencies) return true;
  const recipe = findRecipe(context, String(record.wire.imageRecipeArn));
  const now = currentDependencies(context, recipe);

  return now.join("\n") !== last.resolvedDependencies.join("\n");
}

function pipelineImages(state: EmulatorState, record: ConfigurationRecord) {
  return state.images
    .filter((image) => image.wire.sourcePipelineArn === record.arn)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
