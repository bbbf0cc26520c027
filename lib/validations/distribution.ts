import { z } from "zod";

import {
  ACCOUNT_ID,
  AMI_NAME,
  BUILD_DATE,
  CONFIG_NAME,
  KMS_KEY,
  kmsRegion,
  ORGANIZATION_ARN,
  OU_ARN,
  REGION,
} from "./aws-formats";
import { tagsSchema } from "./tags";

const accounts = z.array(
  z.string().regex(ACCOUNT_ID, "Account ids are 12 digits."),
);

export const distributionRegionSchema = z
  .object({
    region: z.string().regex(REGION, "Not an AWS region, e.g. eu-west-1."),
    amiName: z
      .string()
      .min(3, "At least 3 characters.")
      .max(127, "At most 127 characters.")
      .regex(AMI_NAME, "Letters, digits, spaces and - _ . : { } only.")
      .regex(
        BUILD_DATE,
        "Include {{ imagebuilder:buildDate }} so each build's AMI name is unique.",
      ),
    description: z.string().max(1024, "At most 1024 characters."),
    amiTags: tagsSchema(50),
    kmsKeyId: z
      .union([
        z.string().regex(KMS_KEY, "Use a key id, alias or KMS key ARN."),
        z.literal("").transform(() => undefined),
      ])
      .optional(),
    targetAccountIds: accounts.max(1536),
    launchAccountIds: accounts.max(1536),
    launchOrganizationArns: z.array(
      z
        .string()
        .regex(
          ORGANIZATION_ARN,
          "Use arn:aws:organizations::<acct>:organization/o-…",
        ),
    ),
    launchOuArns: z.array(
      z
        .string()
        .regex(OU_ARN, "Use arn:aws:organizations::<acct>:ou/o-…/ou-…"),
    ),
    launchPublic: z.boolean(),
  })
  .superRefine((value, ctx) => {
    const keyRegion = value.kmsKeyId ? kmsRegion(value.kmsKeyId) : null;
    if (keyRegion && keyRegion !== value.region) {
      ctx.addIssue({
        code: "custom",
        path: ["kmsKeyId"],
        message: `The key is in ${keyRegion}; AMIs in ${value.region} need a key there.`,
      });
    }
  });

export const distributionSettingSchema = z
  .object({
    id: z.string().optional(),
    name: z
      .string()
      .regex(CONFIG_NAME, "3–128 letters, digits, hyphens, underscores."),
    description: z.string().max(1024, "At most 1024 characters."),
    regions: z
      .array(distributionRegionSchema)
      .min(1, "Add at least one region."),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.regions.forEach((entry, index) => {
      if (seen.has(entry.region)) {
        ctx.addIssue({
          code: "custom",
          path: ["regions", index, "region"],
          message: `${entry.region} is listed twice.`,
        });
      }
      seen.add(entry.region);
    });
  });

export type DistributionRegion = z.infer<typeof distributionRegionSchema>;
export type DistributionSettingInput = z.infer<
  typeof distributionSettingSchema
>;
