import { invalidParameter } from "./errors";
import type { Wire } from "./state-types";
import {
  ACCOUNT_ID,
  REGION,
  compact,
  isObject,
  optionalString,
  optionalTags,
} from "./validation";

const OUTPUT_MEMBERS = [
  "amiDistributionConfiguration",
  "containerDistributionConfiguration",
  "licenseConfigurationArns",
  "launchTemplateConfigurations",
  "s3ExportConfiguration",
  "fastLaunchConfigurations",
  "ssmParameterConfigurations",
];
const AMI_NAME = /^[-_A-Za-z0-9{][-_A-Za-z0-9\s:{}.]+[-_A-Za-z0-9}]$/;
const DEFAULT_TIMEOUT_MINUTES = 720;
const ORGANIZATION_ARN =
  /^arn:aws[^:]*:organizations::[0-9]{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU_ARN =
  /^arn:aws[^:]*:organizations::[0-9]{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
const LAUNCH_TEMPLATE_ID = /^lt-[a-z0-9-_]{17}$/;

/** The stored members of a distribution configuration (create/update). */
export function readDistributions(input: Wire): Wire {
  const raw = input.distributions;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw invalidParameter(
      "distributions",
      "At least one distribution is required.",
    );
  }
  const regions = new Set<string>();
  const distributions = raw.map((entry, index) => {
    const where = `distributions[${index}]`;
    const distribution = readDistribution(entry, where);
    const region = String(distribution.region);
    if (regions.has(region)) {
      throw invalidParameter(where, `The region '${region}' is repeated.`);
    }
    regions.add(region);

    return distribution;
  });

  return compact({
    description: optionalString(input, "description"),
    distributions,
    timeoutMinutes: DEFAULT_TIMEOUT_MINUTES,
    tags: optionalTags(input),
  });
}

function readDistribution(entry: unknown, where: string): Wire {
  if (!isObject(entry)) {
    throw invalidParameter(where, "A distribution must be an object.");
  }
  if (typeof entry.region !== "string" || !REGION.test(entry.region)) {
    throw invalidParameter(
      `${where}.region`,
      `region must match pattern ${REGION.source}`,
    );
  }
  if (!OUTPUT_MEMBERS.some((member) => entry[member] !== undefined)) {
    throw invalidParameter(
      where,
      "One or more outputs should be provided for each region in a " +
        "distribution configuration.",
    );
  }
  const ami = entry.amiDistributionConfiguration;
  if (ami !== undefined) checkAmiConfiguration(ami, where);
  checkLaunchTemplates(entry.launchTemplateConfigurations, where);

  return entry;
}

function checkLaunchTemplates(value: unknown, where: string) {
  if (value === undefined) return;
  const list = Array.isArray(value) ? value : [undefined];
  list.forEach((entry, index) => {
    const parameter = `${where}.launchTemplateConfigurations[${index}]`;
    const id = isObject(entry) ? entry.launchTemplateId : undefined;
    const account = isObject(entry) ? entry.accountId : undefined;
    const valid =
      typeof id === "string" &&
      LAUNCH_TEMPLATE_ID.test(id) &&
      (account === undefined ||
        (typeof account === "string" && ACCOUNT_ID.test(account)));
    if (!valid) {
      throw invalidParameter(
        parameter,
        `launchTemplateId must match ${LAUNCH_TEMPLATE_ID.source}`,
      );
    }
  });
}

function checkAmiConfiguration(ami: unknown, where: string): void {
  const prefix = `${where}.amiDistributionConfiguration`;
  if (!isObject(ami)) {
    throw invalidParameter(prefix, "It must be an object.");
  }
  const name = ami.name;
  const badName =
    name !== undefined &&
    (typeof name !== "string" || name.length > 127 || !AMI_NAME.test(name));
  if (badName) {
    throw invalidParameter(
      `${prefix}.name`,
      `name must match pattern ${AMI_NAME.source}`,
    );
  }
  checkAccounts(ami.targetAccountIds, `${prefix}.targetAccountIds`);
  const permission = isObject(ami.launchPermission) ? ami.launchPermission : {};
  checkAccounts(permission.userIds, `${prefix}.launchPermission.userIds`);
  checkArns(
    permission.organizationArns,
    `${prefix}.launchPermission.organizationArns`,
    ORGANIZATION_ARN,
  );
  checkArns(
    permission.organizationalUnitArns,
    `${prefix}.launchPermission.organizationalUnitArns`,
    OU_ARN,
  );
  checkUserGroups(permission.userGroups, `${prefix}.launchPermission.userGroups`);
}

function checkArns(value: unknown, parameter: string, pattern: RegExp) {
  if (value === undefined) return;
  const valid =
    Array.isArray(value) &&
    value.every((arn) => typeof arn === "string" && pattern.test(arn));
  if (!valid) {
    throw invalidParameter(parameter, `Each ARN must match ${pattern.source}`);
  }
}

function checkUserGroups(value: unknown, parameter: string) {
  if (value === undefined) return;
  const valid = Array.isArray(value) && value.every((group) => group === "all");
  if (!valid) {
    throw invalidParameter(parameter, "The only user group is 'all'.");
  }
}

// An empty list is accepted (the image stays private), as real-world
// configurations rely on; the model's minimum of one is not enforced.
function checkAccounts(value: unknown, parameter: string): void {
  if (value === undefined) return;
  const valid =
    Array.isArray(value) &&
    value.length <= 1536 &&
    value.every((id) => typeof id === "string" && ACCOUNT_ID.test(id));
  if (!valid) {
    throw invalidParameter(
      parameter,
      "Each account ID must be a 12-digit number.",
    );
  }
}
