"use server";

import { revalidatePath } from "next/cache";

import { createPipeline, setPipelineStatus } from "../pipelines/pipelines";
import { cancelRun, retryRun, runPipeline } from "../pipelines/runs";
import {
  pipelineIdSchema,
  pipelineImageSchema,
  pipelineSchema,
  pipelineStatusSchema,
} from "../validations/pipeline";
import { defineAction } from "./safe-action";

const ROLES: ["engineer", "admin"] = ["engineer", "admin"];

export const createPipelineAction = defineAction(
  { name: "createPipelineAction", schema: pipelineSchema, roles: ROLES },
  async (input, ctx) => {
    const result = await createPipeline(input, ctx);
    revalidatePath("/pipelines");

    return result;
  },
);

export const setPipelineStatusAction = defineAction(
  {
    name: "setPipelineStatusAction",
    schema: pipelineStatusSchema,
    roles: ROLES,
  },
  async (input, ctx) => {
    await setPipelineStatus(input.pipelineId, input.enabled, ctx);
    revalidatePath(`/pipelines/${input.pipelineId}`);

    return { enabled: input.enabled };
  },
);

export const runPipelineAction = defineAction(
  { name: "runPipelineAction", schema: pipelineIdSchema, roles: ROLES },
  async (input, ctx) => {
    const result = await runPipeline(input.pipelineId, ctx);
    revalidatePath(`/pipelines/${input.pipelineId}`);

    return result;
  },
);

export const cancelPipelineRunAction = defineAction(
  {
    name: "cancelPipelineRunAction",
    schema: pipelineImageSchema,
    roles: ROLES,
  },
  async (input, ctx) => {
    await cancelRun(input.pipelineId, input.imageId, ctx);
    revalidatePath(`/pipelines/${input.pipelineId}`);

    return { cancelled: true };
  },
);

export const retryPipelineRunAction = defineAction(
  {
    name: "retryPipelineRunAction",
    schema: pipelineImageSchema,
    roles: ROLES,
  },
  async (input, ctx) => {
    const result = await retryRun(input.pipelineId, input.imageId, ctx);
    revalidatePath(`/pipelines/${input.pipelineId}`);

    return result;
  },
);
