// The archived findings report: the same rows as JSON and as CSV. Pure.

import { toCsv } from "../exports/csv";
import {
  displayVersion,
  installedVersion,
  SEVERITIES,
  type FindingPackage,
} from "../findings/map-finding";

export interface ReportFinding {
  vulnerabilityId: string;
  severity: string;
  status: string;
  title: string;
  packageName: string | null;
  installedVersion: string | null;
  fixedInVersion: string | null;
  /** Every vulnerable package, not only the first (packageName). */
  packages: FindingPackage[];
  fixAvailable: string;
  inspectorScore: number | null;
  epss: number | null;
  exploitAvailable: boolean;
  findingArn: string;
}

export interface ReportImage {
  arn: string;
  recipe: string;
  version: string;
  team: string;
  amis: { region: string; accountId: string; amiId: string }[];
}

const COLUMNS: (keyof ReportFinding)[] = [
  "vulnerabilityId",
  "severity",
  "status",
  "packageName",
  "installedVersion",
  "fixedInVersion",
  "packages",
  "fixAvailable",
  "inspectorScore",
  "epss",
  "exploitAvailable",
  "title",
  "findingArn",
];

export function reportJson(
  image: ReportImage,
  findings: ReportFinding[],
  generatedAt: Date,
): string {
  const counts: Record<string, number> = {};
  for (const finding of findings) {
    counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  }

  return JSON.stringify(
    { generatedAt: generatedAt.toISOString(), image, counts, findings },
    null,
    2,
  );
}

export function reportCsv(findings: ReportFinding[]): string {
  return toCsv(
    COLUMNS.map((column) => ({
      header: column,
      value: (finding: ReportFinding) =>
        column === "packages"
          ? packagesText(finding.packages)
          : finding[column],
    })),
    findings,
  );
}

/** Most severe first, then by CVE and package, as the image page sorts. */
export function reportOrder(findings: ReportFinding[]): ReportFinding[] {
  const rank = (severity: string) => {
    const index = (SEVERITIES as readonly string[]).indexOf(severity);

    return index === -1 ? SEVERITIES.length : index;
  };

  return [...findings].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      a.vulnerabilityId.localeCompare(b.vulnerabilityId) ||
      (a.packageName ?? "").localeCompare(b.packageName ?? ""),
  );
}

/** `name version (fix version)` for each package, `; ` between them. */
function packagesText(packages: FindingPackage[]): string {
  return packages
    .map((pkg) => {
      const fixed = displayVersion(pkg.fixedInVersion);
      const installed = displayVersion(installedVersion(pkg)) ?? "?";

      return `${pkg.name} ${installed} (${fixed ? `fix ${fixed}` : "no fix"})`;
    })
    .join("; ");
}
