import { invalidParameter } from "./errors";

export type ResourceKind =
  | "component"
  | "image"
  | "image-recipe"
  | "image-pipeline"
  | "infrastructure-configuration"
  | "distribution-configuration";

export interface Scope {
  region: string;
  accountId: string;
}

/** The ARN name segment: lower-cased, spaces and underscores become '-'. */
export function arnName(name: string): string {
  return name.toLowerCase().replace(/[ _]/g, "-");
}

export function resourceArn(
  scope: Scope,
  kind: ResourceKind,
  ...segments: (string | number)[]
): string {
  const prefix = `arn:aws:imagebuilder:${scope.region}:${scope.accountId}`;

  return `${prefix}:${kind}/${segments.join("/")}`;
}

export type VersionNode = number | "x";

export interface VersionedReference {
  kind: ResourceKind;
  name: string;
  nodes: [VersionNode, VersionNode, VersionNode];
  build?: number;
}

const VERSIONED_ARN =
  /^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):(component|image|image-recipe)\/([a-z0-9-_]+)\/([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x)(?:\/([0-9]+))?$/;

/**
 * Parses a version, build or wildcard ARN. Wildcards follow Image Builder's
 * rule: once a node is `x`, every node to its right must be `x` too.
 */
export function parseVersionedArn(
  arn: string,
  parameter: string,
  kinds: ResourceKind[],
): VersionedReference {
  const match = VERSIONED_ARN.exec(arn);
  if (!match || !kinds.includes(match[1] as ResourceKind)) {
    throw invalidParameter(
      parameter,
      `'${parameter}' must be a valid ${kinds.join(" or ")} ARN.`,
    );
  }
  const nodes = [match[3], match[4], match[5]].map((node) =>
    node === "x" ? "x" : Number(node),
  ) as [VersionNode, VersionNode, VersionNode];
  const firstWildcard = nodes.indexOf("x");
  const wildcardBroken =
    firstWildcard >= 0 && nodes.slice(firstWildcard).some((n) => n !== "x");
  if (wildcardBroken || (firstWildcard >= 0 && match[6] !== undefined)) {
    throw invalidParameter(
      parameter,
      "When you use a wildcard in any node, all nodes to the right of the " +
        "first wildcard must also be wildcards.",
    );
  }

  return {
    kind: match[1] as ResourceKind,
    name: match[2],
    nodes,
    build: match[6] === undefined ? undefined : Number(match[6]),
  };
}

export function versionMatches(
  reference: VersionedReference,
  version: string,
  build?: number,
): boolean {
  const parts = version.split(".").map(Number);
  const nodesMatch = reference.nodes.every(
    (node, index) => node === "x" || node === parts[index],
  );
  const buildMatches =
    reference.build === undefined || reference.build === build;

  return nodesMatch && buildMatches;
}

export function compareVersions(left: string, right: string): number {
  const a = left.split(".").map(Number);
  const b = right.split(".").map(Number);
  for (let index = 0; index < 3; index += 1) {
    if (a[index] !== b[index]) return a[index] - b[index];
  }

  return 0;
}

interface Versioned {
  name: string;
  version: string;
  build: number;
}

/** The highest build of the highest version the reference selects. */
export function resolveHighest<T extends Versioned>(
  records: readonly T[],
  reference: VersionedReference,
): T | undefined {
  const candidates = records.filter(
    (record) =>
      arnName(record.name) === reference.name &&
      versionMatches(reference, record.version, record.build),
  );

  return candidates.sort(
    (a, b) => compareVersions(b.version, a.version) || b.build - a.build,
  )[0];
}

/** Whether the ARN names this emulator's own region and account. */
export function isOwnArn(scope: Scope, arn: string): boolean {
  return arn.startsWith(`arn:aws:imagebuilder:${scope.region}:${scope.accountId}:`);
}
