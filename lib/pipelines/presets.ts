import "server-only";

import {
  CreateDistributionConfigurationCommand,
  CreateInfrastructureConfigurationCommand,
  UpdateDistributionConfigurationCommand,
  UpdateInfrastructureConfigurationCommand,
} from "@aws-sdk/client-imagebuilder";

import type { ActionContext } from "../actions/safe-action";
import { audit } from "../audit";
import { imagebuilder } from "../aws/clients";
import { clientToken } from "../aws/client-token";
import { prisma } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { DistributionSettingInput } from "../validations/distribution";
import type { InfrastructurePresetInput } from "../validations/infrastructure";
import { distributionsWire } from "./distribution-preview";

type Ctx = Pick<ActionContext, "user" | "requestId">;

const MANAGED = { "portal:managed-by": "ami-portal", "portal:owner": "ccoe" };

/**
 * Creates or updates the preset's infrastructure configuration in Image
 * Builder first (the service validates it once more), then saves the row.
 */
// LIMITATION: Image Builder names are immutable, so a saved preset keeps
// its name (the form shows it read-only when editing).
export async function saveInfrastructurePreset(
  input: InfrastructurePresetInput,
  ctx: Ctx,
): Promise<{ id: string }> {
  const existing = input.id
    ? await prisma.infrastructurePreset.findUnique({ where: { id: input.id } })
    : null;
  if (input.id && !existing) throw new NotFoundError("The preset");
  await assertFreeName("infrastructurePreset", input.name, input.id);

  const request = infrastructureRequest(input);
  const arn = existing?.arn
    ? await updateInfrastructure(existing.arn, request)
    : await createInfrastructure(request);
  const data = {
    name: input.name,
    description: input.description,
    instanceTypes: input.instanceTypes,
    instanceProfileName: input.instanceProfileName,
    subnetId: input.subnetId ?? null,
    securityGroupIds: input.securityGroupIds,
    httpTokensRequired: input.httpTokensRequired,
    terminateOnFailure: input.terminateOnFailure,
    logBucket: input.logBucket ?? null,
    logPrefix: input.logPrefix ?? null,
    snsTopicArn: input.snsTopicArn ?? null,
    resourceTags: input.resourceTags,
    arn,
  };

  return prisma.$transaction(async (tx) => {
    const row = existing
      ? await tx.infrastructurePreset.update({
          where: { id: existing.id },
          data,
        })
      : await tx.infrastructurePreset.create({ data });
    await audit(tx, {
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      action: existing ? "infrastructure.update" : "infrastructure.create",
      entityType: "InfrastructurePreset",
      entityId: row.id,
      details: { name: row.name, arn },
    });

    return { id: row.id };
  });
}

export async function saveDistributionSetting(
  input: DistributionSettingInput,
  ctx: Ctx,
): Promise<{ id: string }> {
  const existing = input.id
    ? await prisma.distributionSetting.findUnique({ where: { id: input.id } })
    : null;
  if (input.id && !existing) throw new NotFoundError("The distribution");
  await assertFreeName("distributionSetting", input.name, input.id);

  const request = {
    description: input.description || undefined,
    distributions: distributionsWire(input.regions),
  };
  const client = imagebuilder();
  let arn: string;
  if (existing?.arn) {
    const body = { distributionConfigurationArn: existing.arn, ...request };
    await client.send(
      new UpdateDistributionConfigurationCommand({
        ...body,
        clientToken: clientToken("UpdateDistributionConfiguration", body),
      }),
    );
    arn = existing.arn;
  } else {
    const body = { name: input.name, ...request, tags: MANAGED };
    const out = await client.send(
      new CreateDistributionConfigurationCommand({
        ...body,
        clientToken: clientToken("CreateDistributionConfiguration", body),
      }),
    );
    arn = out.distributionConfigurationArn!;
  }

  return prisma.$transaction(async (tx) => {
    const data = {
      name: input.name,
      description: input.description,
      regions: input.regions,
      arn,
    };
    const row = existing
      ? await tx.distributionSetting.update({
          where: { id: existing.id },
          data,
        })
      : await tx.distributionSetting.create({ data });
    await audit(tx, {
      actorId: ctx.user.id,
      requestId: ctx.requestId,
      action: existing ? "distribution.update" : "distribution.create",
      entityType: "DistributionSetting",
      entityId: row.id,
      details: { name: row.name, arn, regions: input.regions.length },
    });

    return { id: row.id };
  });
}

function infrastructureRequest(input: InfrastructurePresetInput) {
  return {
    description: input.description || undefined,
    instanceTypes: input.instanceTypes,
    instanceProfileName: input.instanceProfileName,
    subnetId: input.subnetId,
    securityGroupIds:
      input.securityGroupIds.length > 0 ? input.securityGroupIds : undefined,
    terminateInstanceOnFailure: input.terminateOnFailure,
    snsTopicArn: input.snsTopicArn,
    logging: input.logBucket
      ? {
          s3Logs: {
            s3BucketName: input.logBucket,
            s3KeyPrefix: input.logPrefix,
          },
        }
      : undefined,
    instanceMetadataOptions: {
      httpTokens: input.httpTokensRequired ? "required" : "optional",
      httpPutResponseHopLimit: 2,
    },
    resourceTags:
      Object.keys(input.resourceTags).length > 0
        ? input.resourceTags
        : undefined,
    name: input.name,
  };
}

type InfrastructureRequest = ReturnType<typeof infrastructureRequest>;

async function createInfrastructure(
  request: InfrastructureRequest,
): Promise<string> {
  const body = { ...request, tags: MANAGED };
  const out = await imagebuilder().send(
    new CreateInfrastructureConfigurationCommand({
      ...body,
      clientToken: clientToken("CreateInfrastructureConfiguration", body),
    }),
  );

  return out.infrastructureConfigurationArn!;
}

async function updateInfrastructure(
  arn: string,
  request: InfrastructureRequest,
): Promise<string> {
  const { name: _name, ...rest } = request;
  const body = { infrastructureConfigurationArn: arn, ...rest };
  await imagebuilder().send(
    new UpdateInfrastructureConfigurationCommand({
      ...body,
      clientToken: clientToken("UpdateInfrastructureConfiguration", body),
    }),
  );

  return arn;
}

async function assertFreeName(
  model: "infrastructurePreset" | "distributionSetting",
  name: string,
  id: string | undefined,
): Promise<void> {
  const where = { name, NOT: id ? { id } : undefined };
  const taken =
    model === "infrastructurePreset"
      ? await prisma.infrastructurePreset.findFirst({ where })
      : await prisma.distributionSetting.findFirst({ where });
  if (taken) {
    throw new UserFacingError("That name is taken.", {
      fieldErrors: { name: `${name} already exists.` },
    });
  }
}
