// The archived findings report: the same rows as JSON and as CSV. Pure.

import { toCsv } from "../exports/csv";

export interface ReportFinding {
  vulnerabilityId: string;
  severity: string;
  status: string;
  title: string;
  packageName: string | null;
  installedVersion: string | null;
  fixedInVersion: string | null;
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
      value: (finding: ReportFinding) => finding[column],
    })),
    findings,
  );
}
