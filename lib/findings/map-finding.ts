import { z } from "zod";

// Turns an Inspector2 finding (as the SDK parses it) into the row the portal
// keeps forever. Tolerates the sparse shapes Inspector really sends.

export const SEVERITIES = [
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "INFORMATIONAL",
  "UNTRIAGED",
] as const;
export type Severity = (typeof SEVERITIES)[number];

const packageSchema = z.object({
  name: z.string(),
  version: z.string().optional(),
  epoch: z.number().optional(),
  release: z.string().optional(),
  arch: z.string().optional(),
  packageManager: z.string().optional(),
  fixedInVersion: z.string().optional(),
  remediation: z.string().optional(),
});

const findingSchema = z.object({
  findingArn: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  severity: z.string(),
  status: z.string().optional(),
  inspectorScore: z.number().optional(),
  epss: z.object({ score: z.number().optional() }).optional(),
  exploitAvailable: z.string().optional(),
  fixAvailable: z.string().optional(),
  firstObservedAt: z.date().optional(),
  lastObservedAt: z.date().optional(),
  packageVulnerabilityDetails: z
    .object({
      vulnerabilityId: z.string(),
      vulnerablePackages: z.array(packageSchema).optional(),
    })
    .optional(),
});

export type FindingPackage = z.infer<typeof packageSchema>;

export interface FindingRow {
  findingArn: string;
  vulnerabilityId: string;
  title: string;
  description: string;
  severity: Severity;
  status: string;
  packageName: string | null;
  installedVersion: string | null;
  fixedInVersion: string | null;
  packages: FindingPackage[];
  inspectorScore: number | null;
  epss: number | null;
  exploitAvailable: boolean;
  fixAvailable: string;
  firstObservedAt: Date | null;
  lastObservedAt: Date | null;
}

export function mapFinding(raw: unknown): FindingRow {
  const finding = findingSchema.parse(raw);
  const details = finding.packageVulnerabilityDetails;
  const packages = details?.vulnerablePackages ?? [];
  const first = packages[0];
  const severity = (SEVERITIES as readonly string[]).includes(finding.severity)
    ? (finding.severity as Severity)
    : "UNTRIAGED";

  return {
    findingArn: finding.findingArn,
    vulnerabilityId: details?.vulnerabilityId ?? finding.title ?? "unknown",
    title: finding.title ?? details?.vulnerabilityId ?? "Untitled finding",
    description: finding.description ?? "",
    severity,
    status: finding.status ?? "ACTIVE",
    packageName: first?.name ?? null,
    installedVersion: first ? packageVersion(first) : null,
    fixedInVersion: first?.fixedInVersion ?? null,
    packages,
    inspectorScore: finding.inspectorScore ?? null,
    epss: finding.epss?.score ?? null,
    exploitAvailable: finding.exploitAvailable === "YES",
    fixAvailable: finding.fixAvailable ?? "NO",
    firstObservedAt: finding.firstObservedAt ?? null,
    lastObservedAt: finding.lastObservedAt ?? null,
  };
}

function packageVersion(pkg: FindingPackage): string | null {
  if (!pkg.version) return null;
  const epoch = pkg.epoch ? `${pkg.epoch}:` : "";
  const release = pkg.release ? `-${pkg.release}` : "";

  return `${epoch}${pkg.version}${release}`;
}

export type SeverityCounts = Record<Lowercase<Severity>, number>;

export function emptyCounts(): SeverityCounts {
  return {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    informational: 0,
    untriaged: 0,
  };
}
