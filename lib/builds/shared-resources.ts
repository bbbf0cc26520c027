import "server-only";

import {
  CreateDistributionConfigurationCommand,
  CreateInfrastructureConfigurationCommand,
  paginateListDistributionConfigurations,
  paginateListInfrastructureConfigurations,
  ResourceAlreadyExistsException,
  type Distribution,
} from "@aws-sdk/client-imagebuilder";

import { imagebuilder } from "../aws/clients";
import { clientToken, stableJson } from "../aws/client-token";
import { prisma } from "../db";
import { isUniqueViolation } from "../db-errors";
import { buildDefaults } from "../env";

const TAGS = { "portal:managed-by": "ami-portal", "portal:owner": "ccoe" };

/**
 * The CCOE's default infrastructure configuration ARN, created in Image
 * Builder the first time a build needs it.
 */
export async function defaultInfrastructureArn(): Promise<string> {
  const defaults = buildDefaults();
  const input = {
    name: `ccoe-default-infrastructure-${shortHash(defaults)}`,
    description: "CCOE default build infrastructure (managed by the portal)",
    instanceProfileName: defaults.instanceProfileName,
    instanceTypes: defaults.instanceTypes,
    terminateInstanceOnFailure: true,
    instanceMetadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 },
    tags: TAGS,
  };

  const arn = await ensure(`infrastructure:${input.name}`, async () => {
    const out = await imagebuilder().send(
      new CreateInfrastructureConfigurationCommand({
        ...input,
        clientToken: clientToken("CreateInfrastructureConfiguration", input),
      }),
    );
    return out.infrastructureConfigurationArn!;
  }, async () => {
    for await (const page of paginateListInfrastructureConfigurations(
      { client: imagebuilder() },
      { filters: [{ name: "name", values: [input.name] }] },
    )) {
      const found = page.infrastructureConfigurationSummaryList?.[0]?.arn;
      if (found) return found;
    }
    return null;
  });

  const preset = {
    name: input.name,
    description: input.description,
    instanceTypes: defaults.instanceTypes,
    instanceProfileName: defaults.instanceProfileName,
    resourceTags: {},
    arn,
  };
  await adoptPreset(() =>
    prisma.infrastructurePreset.upsert({
      where: { arn },
      update: {},
      create: preset,
    }),
  );

  return arn;
}

/** The CCOE's default distribution: every configured region and account. */
export async function defaultDistributionArn(): Promise<string> {
  const defaults = buildDefaults();
  const distributions: Distribution[] = defaults.regions.map((region) => ({
    region,
    amiDistributionConfiguration: {
      name: "golden-{{ imagebuilder:buildDate }}",
      description: "Built by the golden AMI portal",
      amiTags: { ...TAGS, "portal:build-version": "{{ imagebuilder:buildVersion }}" },
      ...(defaults.targetAccountIds.length > 0
        ? {
            targetAccountIds: defaults.targetAccountIds,
            launchPermission: { userIds: defaults.targetAccountIds },
          }
        : {}),
    },
  }));
  const input = {
    name: `ccoe-default-distribution-${shortHash(distributions)}`,
    description: "CCOE default distribution (managed by the portal)",
    distributions,
    tags: TAGS,
  };

  const arn = await ensure(`distribution:${input.name}`, async () => {
    const out = await imagebuilder().send(
      new CreateDistributionConfigurationCommand({
        ...input,
        clientToken: clientToken("CreateDistributionConfiguration", input),
      }),
    );
    return out.distributionConfigurationArn!;
  }, async () => {
    for await (const page of paginateListDistributionConfigurations(
      { client: imagebuilder() },
      { filters: [{ name: "name", values: [input.name] }] },
    )) {
      const found = page.distributionConfigurationSummaryList?.[0]?.arn;
      if (found) return found;
    }
    return null;
  });

  const setting = {
    name: input.name,
    description: input.description,
    arn,
    regions: defaults.regions.map((region) => ({
      region,
      amiName: "golden-{{ imagebuilder:buildDate }}",
      description: "Built by the golden AMI portal",
      amiTags: {
        ...TAGS,
        "portal:build-version": "{{ imagebuilder:buildVersion }}",
      },
      targetAccountIds: defaults.targetAccountIds,
      launchAccountIds: defaults.targetAccountIds,
      launchOrganizationArns: [],
      launchOuArns: [],
      launchPublic: false,
    })),
  };
  await adoptPreset(() =>
    prisma.distributionSetting.upsert({
      where: { arn },
      update: {},
      create: setting,
    }),
  );

  return arn;
}

async function ensure(
  key: string,
  create: () => Promise<string>,
  find: () => Promise<string | null>,
): Promise<string> {
  const known = await prisma.awsResource.findUnique({ where: { key } });
  if (known) return known.arn;

  let arn: string;
  try {
    arn = await create();
  } catch (error) {
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;

    // Made earlier by this portal but not recorded (e.g. a lost response).
    const found = await find();
    if (!found) throw error;
    arn = found;
  }

  await prisma.awsResource.upsert({
    where: { key },
    update: { arn },
    create: { key, arn },
  });

  return arn;
}

/**
 * Pipelines pick from presets, so the defaults become presets once they
 * exist; a concurrent build recording the same one first is fine.
 */
async function adoptPreset(record: () => Promise<unknown>): Promise<void> {
  try {
    await record();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

function shortHash(value: unknown): string {
  return clientToken("shared-resource", stableJson(value)).slice(0, 8);
}
