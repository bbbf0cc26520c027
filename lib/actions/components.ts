"use server";

import { revalidatePath } from "next/cache";

import {
  createComponent,
  createVersion,
  submitVersion,
  updateDraft,
} from "../components/authoring";
import {
  approveVersion,
  deprecateVersion,
  rejectVersion,
  retryPublish,
  setMandatory,
} from "../components/review";
import {
  approveSchema,
  createComponentSchema,
  createVersionSchema,
  deprecateSchema,
  rejectSchema,
  setMandatorySchema,
  updateDraftSchema,
  versionIdSchema,
} from "../validations/component";
import { defineAction } from "./safe-action";

const AUTHORS = ["engineer", "reviewer", "admin"] as const;
const REVIEWERS = ["reviewer", "admin"] as const;

export const createComponentAction = defineAction(
  {
    name: "createComponentAction",
    schema: createComponentSchema,
    roles: [...AUTHORS],
  },
  async (input, ctx) => {
    const ref = await createComponent(input, ctx.user, ctx.requestId);
    refresh();

    return ref;
  },
);

export const createVersionAction = defineAction(
  {
    name: "createVersionAction",
    schema: createVersionSchema,
    roles: [...AUTHORS],
  },
  async (input, ctx) => {
    const ref = await createVersion(input, ctx.user, ctx.requestId);
    refresh();

    return ref;
  },
);

export const updateDraftAction = defineAction(
  { name: "updateDraftAction", schema: updateDraftSchema, roles: [...AUTHORS] },
  async (input, ctx) => {
    const ref = await updateDraft(input, ctx.user, ctx.requestId);
    refresh();

    return ref;
  },
);

export const submitVersionAction = defineAction(
  { name: "submitVersionAction", schema: versionIdSchema, roles: [...AUTHORS] },
  async (input, ctx) => {
    const ref = await submitVersion(input.versionId, ctx.user, ctx.requestId);
    refresh();

    return ref;
  },
);

export const approveVersionAction = defineAction(
  { name: "approveVersionAction", schema: approveSchema, roles: [...REVIEWERS] },
  async (input, ctx) => {
    const outcome = await approveVersion(input.versionId, input.comment, ctx);
    refresh();

    return outcome;
  },
);

export const rejectVersionAction = defineAction(
  { name: "rejectVersionAction", schema: rejectSchema, roles: [...REVIEWERS] },
  async (input, ctx) => {
    await rejectVersion(input.versionId, input.comment, ctx);
    refresh();

    return { rejected: true };
  },
);

export const retryPublishAction = defineAction(
  {
    name: "retryPublishAction",
    schema: versionIdSchema,
    roles: [...REVIEWERS],
  },
  async (input, ctx) => {
    const outcome = await retryPublish(input.versionId, ctx);
    refresh();

    return outcome;
  },
);

export const deprecateVersionAction = defineAction(
  {
    name: "deprecateVersionAction",
    schema: deprecateSchema,
    roles: [...REVIEWERS],
  },
  async (input, ctx) => {
    const outcome = await deprecateVersion(input.versionId, input.note, ctx);
    refresh();

    return outcome;
  },
);

export const setMandatoryAction = defineAction(
  {
    name: "setMandatoryAction",
    schema: setMandatorySchema,
    roles: [...REVIEWERS],
  },
  async (input, ctx) => {
    await setMandatory(input.componentId, input.mandatory, ctx);
    refresh();

    return { mandatory: input.mandatory };
  },
);

function refresh(): void {
  revalidatePath("/components", "layout");
  revalidatePath("/golden", "layout");
  revalidatePath("/notifications");
}
