import { inspectorValidation } from "./errors";
import type { Wire } from "./state-types";
import { isObject } from "./validation";

type Finding = Wire;
type Values = (finding: Finding) => string[];

const resources = (f: Finding) =>
  Array.isArray(f.resources) ? f.resources.filter(isObject) : [];
const details = (f: Finding) =>
  isObject(f.packageVulnerabilityDetails) ? f.packageVulnerabilityDetails : {};
const packages = (f: Finding) => {
  const list = details(f).vulnerablePackages;

  return Array.isArray(list) ? list.filter(isObject) : [];
};
const member = (key: string): Values => (f) =>
  f[key] === undefined ? [] : [String(f[key])];

/** The StringFilter fields of FilterCriteria the emulator understands. */
export const STRING_FIELDS: Record<string, Values> = {
  findingArn: member("findingArn"),
  awsAccountId: member("awsAccountId"),
  findingType: member("type"),
  severity: member("severity"),
  findingStatus: member("status"),
  title: member("title"),
  fixAvailable: member("fixAvailable"),
  exploitAvailable: member("exploitAvailable"),
  resourceId: (f) => resources(f).map((r) => String(r.id)),
  resourceType: (f) => resources(f).map((r) => String(r.type)),
  ec2InstanceImageId: (f) =>
    resources(f).flatMap((r) => {
      const ec2 = isObject(r.details) ? r.details.awsEc2Instance : undefined;

      return isObject(ec2) && ec2.imageId ? [String(ec2.imageId)] : [];
    }),
  vulnerabilityId: (f) => stringsOf(details(f).vulnerabilityId),
  vulnerabilitySource: (f) => stringsOf(details(f).source),
  vendorSeverity: (f) => stringsOf(details(f).vendorSeverity),
};

const NUMBER_FIELDS: Record<string, (f: Finding) => number | undefined> = {
  inspectorScore: (f) => numberOf(f.inspectorScore),
  epssScore: (f) => numberOf(isObject(f.epss) ? f.epss.score : undefined),
};

const DATE_FIELDS = ["firstObservedAt", "lastObservedAt", "updatedAt"];
const PACKAGE_FIELDS: Record<string, string> = {
  name: "name",
  version: "version",
  release: "release",
  architecture: "arch",
  filePath: "filePath",
};

/**
 * Builds a predicate from ListFindings `filterCriteria`. Fields AND
 * together; within a field EQUALS/PREFIX entries OR together and every
 * NOT_EQUALS entry must hold; number and date ranges are inclusive and
 * OR together.
 */
export function findingPredicate(
  criteria: unknown,
): (finding: Finding) => boolean {
  if (criteria === undefined || criteria === null) return () => true;
  if (!isObject(criteria)) throw invalid("filterCriteria", "Must be an object.");
  const checks = Object.entries(criteria).map(([field, raw]) =>
    fieldCheck(field, listOf(field, raw)),
  );

  return (finding) => checks.every((check) => check(finding));
}

function fieldCheck(field: string, filters: Wire[]) {
  const strings = STRING_FIELDS[field];
  if (strings) {
    const match = stringMatcher(field, filters);

    return (finding: Finding) => match(strings(finding));
  }
  const number = NUMBER_FIELDS[field];
  if (number) {
    const ranges = filters.map((f) => [f.lowerInclusive, f.upperInclusive]);

    return (finding: Finding) => inRanges(number(finding), ranges);
  }
  if (DATE_FIELDS.includes(field)) {
    const ranges = filters.map((f) => [f.startInclusive, f.endInclusive]);

    return (finding: Finding) => inRanges(numberOf(finding[field]), ranges);
  }
  if (field === "vulnerablePackages") return packageCheck(filters);

  // LIMITATION: ECR, Lambda, network and code filters have nothing to match
  // in an AMI-only emulator, so they are refused rather than ignored.
  throw inspectorValidation(
    `The filter '${field}' is not supported by the local emulator.`,
    [{ name: `filterCriteria.${field}`, message: "Unsupported filter." }],
    "OTHER",
  );
}

/** A StringFilter list applied to all the values a finding has. */
export function stringMatcher(field: string, filters: Wire[]) {
  const parsed = filters.map((filter, index) => {
    const where = `filterCriteria.${field}[${index}]`;
    const { comparison, value } = filter;
    const known = ["EQUALS", "PREFIX", "NOT_EQUALS"].includes(String(comparison));
    if (!known) throw invalid(`${where}.comparison`, "Invalid comparison.");
    if (typeof value !== "string" || value.length < 1 || value.length > 1024) {
      throw invalid(`${where}.value`, "Value must be 1 to 1024 characters.");
    }

    return { comparison: String(comparison), value };
  });
  const positives = parsed.filter((f) => f.comparison !== "NOT_EQUALS");
  const negatives = parsed.filter((f) => f.comparison === "NOT_EQUALS");

  return (values: string[]) => {
    const positive =
      positives.length === 0 ||
      positives.some((f) =>
        values.some((v) =>
          f.comparison === "EQUALS" ? v === f.value : v.startsWith(f.value),
        ),
      );

    return positive && negatives.every((f) => !values.includes(f.value));
  };
}

function packageCheck(filters: Wire[]) {
  const matchers = filters.map((filter) =>
    Object.entries(filter).map(([key, sub]) => {
      const property = PACKAGE_FIELDS[key];
      if (!property || !isObject(sub)) {
        throw invalid(`filterCriteria.vulnerablePackages.${key}`, "Unsupported.");
      }
      const match = stringMatcher(`vulnerablePackages.${key}`, [sub]);

      return (pkg: Wire) => match(stringsOf(pkg[property]));
    }),
  );

  return (finding: Finding) =>
    matchers.some((all) =>
      packages(finding).some((pkg) => all.every((check) => check(pkg))),
    );
}

function listOf(field: string, raw: unknown): Wire[] {
  const valid =
    Array.isArray(raw) &&
    raw.length >= 1 &&
    raw.length <= 10 &&
    raw.every(isObject);
  if (!valid) {
    throw invalid(`filterCriteria.${field}`, "Must be a list of 1 to 10 filters.");
  }

  return raw as Wire[];
}

function inRanges(value: number | undefined, ranges: unknown[][]): boolean {
  if (value === undefined) return false;

  return ranges.some(([low, high]) => {
    const aboveLow = typeof low !== "number" || value >= low;
    const belowHigh = typeof high !== "number" || value <= high;

    return aboveLow && belowHigh;
  });
}

function stringsOf(value: unknown): string[] {
  return value === undefined || value === null ? [] : [String(value)];
}

function numberOf(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function invalid(name: string, message: string) {
  return inspectorValidation(`Invalid filter: ${name}. ${message}`, [
    { name, message },
  ]);
}
