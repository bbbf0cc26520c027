import { z } from "zod";

import { MAX_DOCUMENT_CHARS } from "../components/awstoe/validate";
import { SEMANTIC_VERSION } from "../recipes/rules";

// Shared by the component forms (checked as you type) and the actions.

export const COMPONENT_NAME = /^[A-Za-z0-9][-_A-Za-z0-9]{1,126}[A-Za-z0-9]$/;
export const PLATFORMS = ["Linux", "Windows", "macOS"] as const;

const versionField = z
  .string()
  .regex(SEMANTIC_VERSION, "Use a semantic version such as 1.2.0.");
const documentField = z
  .string()
  .min(1, "Write the component document.")
  .max(MAX_DOCUMENT_CHARS * 4, "The document is far too large.");
const changeField = z
  .string()
  .trim()
  .min(1, "Describe what changed in this version.")
  .max(1024, "At most 1024 characters.");

const versionFields = {
  version: versionField,
  document: documentField,
  changeDescription: changeField,
  /** Submit for review right away instead of keeping a draft. */
  submit: z.boolean(),
};

export const createComponentSchema = z.object({
  name: z
    .string()
    .regex(
      COMPONENT_NAME,
      "Use 3–128 letters, digits, hyphens or underscores.",
    ),
  platform: z.enum(PLATFORMS),
  supportedOsVersions: z.array(z.string().min(1).max(128)).max(20),
  description: z
    .string()
    .trim()
    .min(1, "Describe what the component does.")
    .max(1024, "At most 1024 characters."),
  ...versionFields,
});

export const createVersionSchema = z.object({
  componentId: z.string().min(1),
  ...versionFields,
});

export const updateDraftSchema = z.object({
  versionId: z.string().min(1),
  ...versionFields,
});

export const versionIdSchema = z.object({ versionId: z.string().min(1) });

export const approveSchema = z.object({
  versionId: z.string().min(1),
  comment: z.string().trim().max(2000).optional(),
});

export const rejectSchema = z.object({
  versionId: z.string().min(1),
  comment: z
    .string()
    .trim()
    .min(1, "Say why the version is rejected.")
    .max(2000, "At most 2000 characters."),
});

export const deprecateSchema = z.object({
  versionId: z.string().min(1),
  note: z
    .string()
    .trim()
    .min(1, "Say why and what to use instead.")
    .max(2000, "At most 2000 characters."),
});

export const setMandatorySchema = z.object({
  componentId: z.string().min(1),
  mandatory: z.boolean(),
});

export type CreateComponentInput = z.infer<typeof createComponentSchema>;
export type CreateVersionInput = z.infer<typeof createVersionSchema>;
export type UpdateDraftInput = z.infer<typeof updateDraftSchema>;
