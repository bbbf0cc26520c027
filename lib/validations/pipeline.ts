import { z } from "zod";

import { checkSchedule, isTimeZone } from "../pipelines/cron";
import { RESOURCE_NAME } from "../recipes/rules";

export const START_CONDITIONS = [
  "EXPRESSION_MATCH_ONLY",
  "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
] as const;

export const pipelineSchema = z
  .object({
    name: z
      .string()
      .regex(
        RESOURCE_NAME,
        "Use 3–128 letters, digits, hyphens, underscores or inner spaces.",
      ),
    description: z.string().max(1024, "At most 1024 characters."),
    recipeVersionId: z.string().min(1, "Choose a recipe version."),
    infrastructurePresetId: z.string().min(1, "Choose an infrastructure."),
    distributionSettingId: z.string().min(1, "Choose a distribution."),
    scheduleEnabled: z.boolean(),
    scheduleExpression: z.string(),
    timezone: z.string(),
    startCondition: z.enum(START_CONDITIONS),
    testsEnabled: z.boolean(),
    scanningEnabled: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (!value.scheduleEnabled) return;

    const check = checkSchedule(value.scheduleExpression);
    if (!check.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["scheduleExpression"],
        message: check.reason,
      });
    }
    if (!isTimeZone(value.timezone)) {
      ctx.addIssue({
        code: "custom",
        path: ["timezone"],
        message: "Use an IANA time zone such as Europe/Berlin.",
      });
    }
  });

export type PipelineInput = z.infer<typeof pipelineSchema>;

export const pipelineIdSchema = z.object({ pipelineId: z.string().min(1) });

export const pipelineImageSchema = z.object({
  pipelineId: z.string().min(1),
  imageId: z.string().min(1),
});

export const pipelineStatusSchema = z.object({
  pipelineId: z.string().min(1),
  enabled: z.boolean(),
});
