import { z } from "zod";

import {
  CONFIG_NAME,
  INSTANCE_PROFILE,
  INSTANCE_TYPE,
  S3_BUCKET,
  SECURITY_GROUP_ID,
  SNS_TOPIC_ARN,
  SUBNET_ID,
} from "./aws-formats";
import { tagsSchema } from "./tags";

const optional = (schema: z.ZodString) =>
  z.union([schema, z.literal("").transform(() => undefined)]).optional();

export const infrastructurePresetSchema = z
  .object({
    id: z.string().optional(),
    name: z
      .string()
      .regex(CONFIG_NAME, "3–128 letters, digits, hyphens, underscores."),
    description: z.string().max(1024, "At most 1024 characters."),
    instanceTypes: z
      .array(z.string().regex(INSTANCE_TYPE, "Not an EC2 instance type."))
      .min(1, "Choose at least one instance type."),
    instanceProfileName: z
      .string()
      .regex(INSTANCE_PROFILE, "Not a valid instance profile name."),
    subnetId: optional(z.string().regex(SUBNET_ID, "Use subnet-…")),
    securityGroupIds: z.array(
      z.string().regex(SECURITY_GROUP_ID, "Use sg-…"),
    ),
    httpTokensRequired: z.boolean(),
    terminateOnFailure: z.boolean(),
    logBucket: optional(z.string().regex(S3_BUCKET, "Not an S3 bucket name.")),
    logPrefix: optional(z.string().max(1024)),
    snsTopicArn: optional(
      z.string().regex(SNS_TOPIC_ARN, "Use arn:aws:sns:<region>:<acct>:…"),
    ),
    resourceTags: tagsSchema(30),
  })
  .superRefine((value, ctx) => {
    // Image Builder needs both or neither: a subnet alone has no group.
    if (value.securityGroupIds.length > 0 && !value.subnetId) {
      ctx.addIssue({
        code: "custom",
        path: ["subnetId"],
        message: "Security groups need a subnet in the same VPC.",
      });
    }
    if (value.subnetId && value.securityGroupIds.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["securityGroupIds"],
        message: "A subnet needs at least one security group.",
      });
    }
    if (value.logPrefix && !value.logBucket) {
      ctx.addIssue({
        code: "custom",
        path: ["logBucket"],
        message: "A log prefix needs a bucket.",
      });
    }
  });

export type InfrastructurePresetInput = z.infer<
  typeof infrastructurePresetSchema
>;
