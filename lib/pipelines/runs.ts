import "server-only";

import { randomUUID } from "node:crypto";

import {
  CancelImageCreationCommand,
  GetImageCommand,
  StartImagePipelineExecutionCommand,
} from "@aws-sdk/client-imagebuilder";

import type { ActionContext } from "../actions/safe-action";
import { audit } from "../audit";
import { clientToken } from "../aws/client-token";
import { imagebuilder } from "../aws/clients";
import { versionOf } from "../builds/save-build";
import { TERMINAL_STATUSES } from "../builds/status";
import { syncImage } from "../builds/sync-image";
import { prisma } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import type { Logger } from "../logger";
import { pipelineFor, type PipelineWithArns } from "./pipelines";

type Ctx = Pick<ActionContext, "user" | "requestId" | "log">;

/** StartImagePipelineExecution, recorded as a manual run. */
export async function runPipeline(
  pipelineId: string,
  ctx: Ctx,
  retryOf?: string,
): Promise<{ imageId: string }> {
  const pipeline = await pipelineFor(pipelineId, ctx.user);
  if (pipeline.status !== "ENABLED") {
    throw new UserFacingError("Enable the pipeline before running it.");
  }

  // A retry's token is derived from the run it retries, so a double click
  // or a replayed request starts one build, not two.
  const token = retryOf
    ? clientToken("StartImagePipelineExecution:retry", {
        imagePipelineArn: pipeline.arn,
        retryOf,
      })
    : randomUUID();
  const out = await imagebuilder().send(
    new StartImagePipelineExecutionCommand({
      imagePipelineArn: pipeline.arn,
      clientToken: token,
    }),
  );
  const arn = out.imageBuildVersionArn!;
  ctx.log.info({ arn, pipelineId }, "pipeline run started");

  return recordRun(pipeline, arn, {
    buildType: "USER_INITIATED",
    actorId: ctx.user.id,
    requestId: ctx.requestId,
    action: retryOf ? "pipeline.retry" : "pipeline.run",
    details: retryOf ? { retryOf } : {},
  });
}

export async function cancelRun(
  pipelineId: string,
  imageId: string,
  ctx: Ctx,
): Promise<void> {
  const image = await runOf(pipelineId, imageId, ctx);
  if (TERMINAL_STATUSES.includes(image.status)) {
    throw new UserFacingError(`The build is already ${image.status}.`);
  }

  await imagebuilder().send(
    new CancelImageCreationCommand({
      imageBuildVersionArn: image.arn,
      clientToken: randomUUID(),
    }),
  );
  await prisma.$transaction((tx) =>
    audit(tx, {
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      action: "pipeline.cancel",
      entityType: "Image",
      entityId: image.id,
      details: { arn: image.arn, pipelineId },
    }),
  );
  await syncImage(image.id, ctx.log);
}

/** A failed or cancelled run is retried as a new manual run. */
// LIMITATION: only pipeline runs have Retry; a failed one-off build is
// rebuilt from the composer.
export async function retryRun(
  pipelineId: string,
  imageId: string,
  ctx: Ctx,
): Promise<{ imageId: string }> {
  const image = await runOf(pipelineId, imageId, ctx);
  if (image.status !== "FAILED" && image.status !== "CANCELLED") {
    throw new UserFacingError("Only failed or cancelled builds are retried.");
  }
  const earlier = (await retriesOf([image.id])).get(image.id);
  if (earlier) {
    throw new UserFacingError("This build was retried already.");
  }

  return runPipeline(pipelineId, ctx, image.id);
}

/** Run id → the image id of its retry, for runs that were retried. */
export async function retriesOf(
  imageIds: string[],
): Promise<Map<string, string>> {
  if (imageIds.length === 0) return new Map();

  const audits = await prisma.auditEntry.findMany({
    where: {
      action: "pipeline.retry",
      OR: imageIds.map((id) => ({
        details: { path: ["retryOf"], equals: id },
      })),
    },
    select: { entityId: true, details: true },
  });

  return new Map(
    audits.map((entry) => [
      String((entry.details as { retryOf?: string }).retryOf),
      entry.entityId ?? "",
    ]),
  );
}

/**
 * Records a build Image Builder started for a pipeline (a schedule fired or
 * an event named an image the portal has not seen). Null when the image
 * does not come from one of the portal's pipelines.
 */
export async function adoptImage(
  arn: string,
  log: Logger,
): Promise<string | null> {
  const known = await prisma.image.findUnique({
    where: { arn },
    select: { id: true },
  });
  if (known) return known.id;

  const out = await imagebuilder().send(
    new GetImageCommand({ imageBuildVersionArn: arn }),
  );
  const source = out.image?.sourcePipelineArn;
  if (!source) return null;

  const pipeline = await prisma.pipeline.findUnique({
    where: { arn: source },
    include: {
      recipeVersion: {
        select: { arn: true, recipe: { select: { id: true, goldenImageId: true } } },
      },
      infrastructurePreset: { select: { arn: true } },
      distributionSetting: { select: { arn: true } },
    },
  });
  if (!pipeline) return null;

  const scheduled = out.image?.buildType === "SCHEDULED";
  const { imageId } = await recordRun(pipeline, arn, {
    buildType: out.image?.buildType ?? "USER_INITIATED",
    actorId: null,
    action: scheduled ? "pipeline.scheduled-run" : "pipeline.run.discovered",
    details: {},
  });
  log.info({ arn, pipelineId: pipeline.id }, "pipeline build adopted");

  return imageId;
}

interface RunRecord {
  buildType: string;
  actorId: string | null;
  requestId?: string;
  action: string;
  details: Record<string, string>;
}

async function recordRun(
  pipeline: PipelineWithArns,
  arn: string,
  run: RunRecord,
): Promise<{ imageId: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const image = await tx.image.create({
        data: {
          arn,
          version: versionOf(arn),
          status: "PENDING",
          buildType: run.buildType,
          teamId: pipeline.teamId,
          recipeVersionId: pipeline.recipeVersionId,
          recipeId: pipeline.recipeVersion.recipe.id,
          goldenImageId: pipeline.recipeVersion.recipe.goldenImageId,
          createdById: run.actorId ?? pipeline.createdById,
          infrastructureArn: pipeline.infrastructurePreset.arn!,
          distributionArn: pipeline.distributionSetting.arn!,
          pipelineId: pipeline.id,
          events: { create: { status: "PENDING" } },
        },
      });
      await audit(tx, {
        actorId: run.actorId,
        requestId: run.requestId,
        action: run.action,
        entityType: "Image",
        entityId: image.id,
        details: { ...run.details, arn, pipelineId: pipeline.id },
      });

      return { imageId: image.id };
    });
  } catch (error) {
    // The event for this build arrived first and recorded it already.
    if (!isUniqueViolation(error)) throw error;

    const image = await prisma.image.findUniqueOrThrow({
      where: { arn },
      select: { id: true },
    });

    return { imageId: image.id };
  }
}

async function runOf(pipelineId: string, imageId: string, ctx: Ctx) {
  const pipeline = await pipelineFor(pipelineId, ctx.user);
  const image = await prisma.image.findFirst({
    where: { id: imageId, pipelineId: pipeline.id },
    select: { id: true, arn: true, status: true },
  });
  if (!image) throw new NotFoundError("The build");

  return image;
}
