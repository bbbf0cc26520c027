"use server";

import { revalidatePath } from "next/cache";

import { ForbiddenError } from "../errors";
import {
  saveDistributionSetting,
  saveInfrastructurePreset,
} from "../pipelines/presets";
import { distributionSettingSchema } from "../validations/distribution";
import { infrastructurePresetSchema } from "../validations/infrastructure";
import { defineAction, type ActionContext } from "./safe-action";

export const saveInfrastructurePresetAction = defineAction(
  {
    name: "saveInfrastructurePresetAction",
    schema: infrastructurePresetSchema,
    roles: ["admin", "reviewer"],
  },
  async (input, ctx) => {
    assertCcoe(ctx);
    const result = await saveInfrastructurePreset(input, ctx);
    revalidatePath("/admin/infrastructure");

    return result;
  },
);

export const saveDistributionSettingAction = defineAction(
  {
    name: "saveDistributionSettingAction",
    schema: distributionSettingSchema,
    roles: ["admin", "reviewer"],
  },
  async (input, ctx) => {
    assertCcoe(ctx);
    const result = await saveDistributionSetting(input, ctx);
    revalidatePath("/admin/distribution");

    return result;
  },
);

/** Presets are the CCOE's: its reviewers and the admins manage them. */
function assertCcoe(ctx: ActionContext): void {
  if (ctx.user.role !== "admin" && !ctx.user.isCcoe) {
    throw new ForbiddenError("Only the CCOE manages build presets.");
  }
}
