import "server-only";

import { randomUUID } from "node:crypto";

import {
  CreateImagePipelineCommand,
  UpdateImagePipelineCommand,
} from "@aws-sdk/client-imagebuilder";

import type { ActionContext } from "../actions/safe-action";
import { audit } from "../audit";
import type { CurrentUser } from "../auth/session";
import { imagebuilder } from "../aws/clients";
import { clientToken } from "../aws/client-token";
import { prisma } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { PipelineInput } from "../validations/pipeline";
import { pipelineRequest } from "./pipeline-request";

type Ctx = Pick<ActionContext, "user" | "requestId" | "log">;

const PIPELINE_WITH_ARNS = {
  recipeVersion: {
    select: { arn: true, recipe: { select: { id: true, goldenImageId: true } } },
  },
  infrastructurePreset: { select: { arn: true } },
  distributionSetting: { select: { arn: true } },
} as const;

/** Creates the pipeline in Image Builder, then records it. */
export async function createPipeline(
  input: PipelineInput,
  ctx: Ctx,
): Promise<{ id: string }> {
  const { user } = ctx;
  if (!user.teamId) {
    throw new UserFacingError("Join a team before creating pipelines.");
  }

  const [version, preset, distribution] = await Promise.all([
    prisma.recipeVersion.findFirst({
      where: { id: input.recipeVersionId, recipe: { teamId: user.teamId } },
      select: { arn: true },
    }),
    prisma.infrastructurePreset.findUnique({
      where: { id: input.infrastructurePresetId },
      select: { arn: true },
    }),
    prisma.distributionSetting.findUnique({
      where: { id: input.distributionSettingId },
      select: { arn: true },
    }),
  ]);
  if (!version) throw new NotFoundError("The recipe version");
  if (!preset?.arn) throw new NotFoundError("The infrastructure preset");
  if (!distribution?.arn) throw new NotFoundError("The distribution");

  const nameKey = input.name.toLowerCase();
  if (await prisma.pipeline.findUnique({ where: { nameKey } })) {
    throw new UserFacingError("That pipeline name is taken.", {
      fieldErrors: { name: `A pipeline named ${input.name} exists.` },
    });
  }

  const fields = {
    description: input.description,
    scheduleExpression: input.scheduleEnabled ? input.scheduleExpression : null,
    timezone: input.timezone || "UTC",
    startCondition: input.startCondition,
    testsEnabled: input.testsEnabled,
    scanningEnabled: input.scanningEnabled,
    status: "ENABLED",
  };
  const body = {
    name: input.name,
    ...pipelineRequest(fields, {
      imageRecipeArn: version.arn,
      infrastructureConfigurationArn: preset.arn,
      distributionConfigurationArn: distribution.arn,
    }),
    tags: { "portal:managed-by": "ami-portal", "portal:team": user.teamSlug! },
  };
  const out = await imagebuilder().send(
    new CreateImagePipelineCommand({
      ...body,
      clientToken: clientToken("CreateImagePipeline", body),
    }),
  );
  const arn = out.imagePipelineArn!;

  return prisma.$transaction(async (tx) => {
    const row = await tx.pipeline.create({
      data: {
        ...fields,
        name: input.name,
        nameKey,
        teamId: user.teamId!,
        recipeVersionId: input.recipeVersionId,
        infrastructurePresetId: input.infrastructurePresetId,
        distributionSettingId: input.distributionSettingId,
        arn,
        createdById: user.id,
      },
    });
    await audit(tx, {
      actorId: user.id,
      requestId: ctx.requestId,
      action: "pipeline.create",
      entityType: "Pipeline",
      entityId: row.id,
      details: { name: input.name, arn, schedule: fields.scheduleExpression },
    });

    return { id: row.id };
  });
}

// LIMITATION: after creation only the status (enable/disable) changes in
// the portal; other changes need a new pipeline.
export async function setPipelineStatus(
  pipelineId: string,
  enabled: boolean,
  ctx: Ctx,
): Promise<void> {
  const pipeline = await pipelineFor(pipelineId, ctx.user);
  const status = enabled ? "ENABLED" : "DISABLED";
  const body = {
    imagePipelineArn: pipeline.arn,
    ...pipelineRequest({ ...pipeline, status }, arnsOf(pipeline)),
  };
  await imagebuilder().send(
    new UpdateImagePipelineCommand({
      ...body,
      clientToken: randomUUID(),
    }),
  );

  await prisma.$transaction(async (tx) => {
    await tx.pipeline.update({ where: { id: pipeline.id }, data: { status } });
    await audit(tx, {
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      action: enabled ? "pipeline.enable" : "pipeline.disable",
      entityType: "Pipeline",
      entityId: pipeline.id,
      details: { arn: pipeline.arn },
    });
  });
}

/** The pipeline if the user's team owns it (admins see every team's). */
export async function pipelineFor(id: string, user: CurrentUser) {
  const pipeline = await prisma.pipeline.findFirst({
    where: {
      id,
      ...(user.role === "admin" ? {} : { teamId: user.teamId ?? "-" }),
    },
    include: PIPELINE_WITH_ARNS,
  });
  if (!pipeline) throw new NotFoundError("The pipeline");

  return pipeline;
}

export type PipelineWithArns = Awaited<ReturnType<typeof pipelineFor>>;

export function arnsOf(pipeline: PipelineWithArns) {
  return {
    imageRecipeArn: pipeline.recipeVersion.arn,
    infrastructureConfigurationArn: pipeline.infrastructurePreset.arn!,
    distributionConfigurationArn: pipeline.distributionSetting.arn!,
  };
}
