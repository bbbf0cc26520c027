import { z } from "zod";

import { RESOURCE_NAME, SEMANTIC_VERSION } from "../recipes/rules";

export const buildRecipeSchema = z.object({
  goldenImageId: z.string().min(1, "Choose a golden image."),
  name: z
    .string()
    .regex(
      RESOURCE_NAME,
      "Use 3–128 letters, digits, hyphens, underscores or inner spaces.",
    ),
  version: z
    .string()
    .regex(SEMANTIC_VERSION, "Use a semantic version such as 1.0.0."),
  description: z.string().max(1024, "At most 1024 characters.").optional(),
  items: z
    .array(
      z.object({
        versionId: z.string().min(1),
        parameters: z.record(z.string(), z.string().max(1024)),
      }),
    )
    .min(1, "Add at least one component.")
    .max(30, "A recipe can hold at most 30 components."),
});

export type BuildRecipeInput = z.infer<typeof buildRecipeSchema>;
