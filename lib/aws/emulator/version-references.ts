import { arnName, compareVersions } from "./arns";
import type { Wire } from "./state-types";

interface Versioned {
  arn: string;
  name: string;
  version: string;
  build?: number;
}

/**
 * `latestVersionReferences` for a versioned resource: the highest existing
 * ARN overall, within the same major, the same minor and the same patch.
 */
export function latestVersionReferences(
  records: readonly Versioned[],
  name: string,
  version: string,
): Wire {
  const [major, minor] = version.split(".");
  const sameName = records
    .filter((record) => arnName(record.name) === arnName(name))
    .sort(
      (a, b) =>
        compareVersions(b.version, a.version) ||
        (b.build ?? 0) - (a.build ?? 0),
    );
  const first = (prefix: string) =>
    sameName.find((record) => record.version.startsWith(prefix))?.arn;

  return {
    latestVersionArn: sameName[0]?.arn,
    latestMajorVersionArn: first(`${major}.`),
    latestMinorVersionArn: first(`${major}.${minor}.`),
    latestPatchVersionArn: sameName.find((r) => r.version === version)?.arn,
  };
}
