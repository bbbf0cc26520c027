import { parseInspectorTime } from "./timestamps";

// Turns one Inspector2 finding (SDK object, ListFindings JSON or an event's
// `detail`) into what the portal keeps. Every field is optional on input:
// real findings are sparse, and unknown keys are ignored.

export const SEVERITIES = [
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "INFORMATIONAL",
  "UNTRIAGED",
] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PACKAGE_VULNERABILITY = "PACKAGE_VULNERABILITY";
export const NETWORK_REACHABILITY = "NETWORK_REACHABILITY";
export const CODE_VULNERABILITY = "CODE_VULNERABILITY";

/** Inspector's fixedInVersion when no fixed version exists yet. */
const NO_FIX = "NotAvailable";

export interface FindingPackage {
  name: string;
  version: string | null;
  epoch: number | null;
  release: string | null;
  arch: string | null;
  packageManager: string | null;
  /** Null when Inspector knows no fixed version ("no fix yet"). */
  fixedInVersion: string | null;
  remediation: string | null;
}

export interface CvssScore {
  source: string | null;
  version: string | null;
  baseScore: number | null;
  vector: string | null;
}

export type FindingDetails =
  | {
      kind: "network";
      protocol: string | null;
      portRange: { begin: number | null; end: number | null } | null;
      steps: { componentId: string; componentType: string }[];
    }
  | {
      kind: "code";
      cwes: string[];
      detectorId: string | null;
      detectorName: string | null;
      ruleId: string | null;
      filePath: string | null;
      fileName: string | null;
      startLine: number | null;
      endLine: number | null;
    };

export interface FindingResource {
  type: string | null;
  id: string | null;
  /** The AMI of an EC2 instance (or its VM image reference). */
  amiId: string | null;
  /** A short human name: container image, function or instance. */
  label: string | null;
  /** Container image tags. */
  tags: string[];
}

export interface ParsedFinding {
  findingArn: string | null;
  type: string;
  /** Null when Inspector sent none or an unknown value. */
  severity: Severity | null;
  /** As sent (ACTIVE, CLOSED, SUPPRESSED); null when missing. */
  status: string | null;
  title: string | null;
  description: string;
  vulnerabilityId: string | null;
  packages: FindingPackage[];
  inspectorScore: number | null;
  scoreSource: string | null;
  scoreVector: string | null;
  cvss: CvssScore[];
  referenceUrls: string[];
  sourceUrl: string | null;
  vendorSeverity: string | null;
  epss: number | null;
  exploitAvailable: boolean;
  /** YES, PARTIAL, NO; null when not applicable (not a package finding). */
  fixAvailable: string | null;
  details: FindingDetails | null;
  firstObservedAt: Date | null;
  lastObservedAt: Date | null;
  updatedAt: Date | null;
  resource: FindingResource | null;
  /** What is wrong with the record itself; empty for a sound finding. */
  problems: string[];
}

export function parseFinding(raw: unknown): ParsedFinding {
  const finding = record(raw);
  const pvd = record(finding.packageVulnerabilityDetails);
  const type = text(finding.type) ?? guessType(finding);
  const severity = text(finding.severity)?.toUpperCase() ?? null;
  const known = (SEVERITIES as readonly string[]).includes(severity ?? "");
  const adjusted = record(record(finding.inspectorScoreDetails).adjustedCvss);
  const packages = list(pvd.vulnerablePackages).flatMap(parsePackage);
  const vulnerabilityId = text(pvd.vulnerabilityId);
  const details = parseDetails(finding);
  const parsed: ParsedFinding = {
    findingArn: text(finding.findingArn),
    type,
    severity: known ? (severity as Severity) : null,
    status: text(finding.status)?.toUpperCase() ?? null,
    title:
      text(finding.title) ?? deriveTitle(vulnerabilityId, packages, details),
    description: text(finding.description) ?? "",
    vulnerabilityId,
    packages,
    inspectorScore: number(finding.inspectorScore),
    scoreSource: text(adjusted.scoreSource) ?? text(adjusted.cvssSource),
    scoreVector: text(adjusted.scoringVector),
    cvss: list(pvd.cvss).map(parseCvss),
    referenceUrls: list(pvd.referenceUrls).flatMap((u) => text(u) ?? []),
    sourceUrl: text(pvd.sourceUrl),
    vendorSeverity: text(pvd.vendorSeverity),
    epss: number(record(finding.epss).score),
    exploitAvailable: text(finding.exploitAvailable) === "YES",
    fixAvailable:
      text(finding.fixAvailable) ?? (type === PACKAGE_VULNERABILITY ? "NO" : null),
    details,
    firstObservedAt: parseInspectorTime(finding.firstObservedAt),
    lastObservedAt: parseInspectorTime(finding.lastObservedAt),
    updatedAt: parseInspectorTime(finding.updatedAt),
    resource: parseResource(list(finding.resources)[0]),
    problems: [],
  };
  parsed.problems = problemsOf(parsed, severity);

  return parsed;
}

/** `epoch:version-release` as the package manager would print it. */
export function installedVersion(pkg: FindingPackage): string | null {
  if (!pkg.version) return null;
  const epoch = pkg.epoch ? `${pkg.epoch}:` : "";
  const release = pkg.release ? `-${pkg.release}` : "";

  return `${epoch}${pkg.version}${release}`;
}

/** Drops the `0:` epoch Debian-style versions carry; others unchanged. */
export function displayVersion(version: string | null): string | null {
  return version?.replace(/^0:/, "") ?? null;
}

function parsePackage(value: unknown): FindingPackage[] {
  const pkg = record(value);
  const name = text(pkg.name);
  if (!name) return [];
  const fixed = text(pkg.fixedInVersion);

  return [
    {
      name,
      version: text(pkg.version),
      epoch: number(pkg.epoch),
      release: text(pkg.release),
      arch: text(pkg.arch),
      packageManager: text(pkg.packageManager),
      fixedInVersion: fixed === NO_FIX ? null : fixed,
      remediation: text(pkg.remediation),
    },
  ];
}

function parseCvss(value: unknown): CvssScore {
  const cvss = record(value);

  return {
    source: text(cvss.source),
    version: text(cvss.version),
    baseScore: number(cvss.baseScore),
    vector: text(cvss.scoringVector),
  };
}

function parseDetails(finding: Record<string, unknown>): FindingDetails | null {
  const network = record(finding.networkReachabilityDetails);
  if (Object.keys(network).length > 0) {
    const range = record(network.openPortRange);

    return {
      kind: "network",
      protocol: text(network.protocol),
      portRange:
        Object.keys(range).length > 0
          ? { begin: number(range.begin), end: number(range.end) }
          : null,
      steps: list(record(network.networkPath).steps).map((step) => ({
        componentId: text(record(step).componentId) ?? "?",
        componentType: text(record(step).componentType) ?? "?",
      })),
    };
  }

  const code = record(finding.codeVulnerabilityDetails);
  if (Object.keys(code).length === 0) return null;
  const file = record(code.filePath);

  return {
    kind: "code",
    cwes: list(code.cwes).flatMap((cwe) => text(cwe) ?? []),
    detectorId: text(code.detectorId),
    detectorName: text(code.detectorName),
    ruleId: text(code.ruleId),
    filePath: text(file.filePath),
    fileName: text(file.fileName),
    startLine: number(file.startLine),
    endLine: number(file.endLine),
  };
}

function parseResource(value: unknown): FindingResource | null {
  const resource = record(value);
  if (Object.keys(resource).length === 0) return null;
  const details = record(resource.details);
  const ec2 = record(details.awsEc2Instance);
  const ecr = record(details.awsEcrContainerImage);
  const lambda = record(details.awsLambdaFunction);
  const id = text(resource.id);
  const repository = text(ecr.repositoryName);

  return {
    type: text(resource.type),
    id,
    amiId: text(ec2.imageId) ?? text(record(details.vm).vmImageReference),
    label: repository
      ? `${repository}@${text(ecr.imageHash) ?? "?"}`
      : (text(lambda.functionName) ?? id),
    tags: list(ecr.imageTags).flatMap((tag) => text(tag) ?? []),
  };
}

function guessType(finding: Record<string, unknown>): string {
  if (finding.networkReachabilityDetails) return NETWORK_REACHABILITY;
  if (finding.codeVulnerabilityDetails) return CODE_VULNERABILITY;
  if (finding.packageVulnerabilityDetails) return PACKAGE_VULNERABILITY;

  return "UNKNOWN";
}

function deriveTitle(
  vulnerabilityId: string | null,
  packages: FindingPackage[],
  details: FindingDetails | null,
): string | null {
  if (vulnerabilityId) {
    const names = packages.map((pkg) => pkg.name).join(", ");

    return names ? `${vulnerabilityId} - ${names}` : vulnerabilityId;
  }
  if (details?.kind === "code" && details.detectorName) {
    return [details.cwes[0], details.detectorName].filter(Boolean).join(" - ");
  }

  return null;
}

function problemsOf(parsed: ParsedFinding, severity: string | null) {
  const problems: string[] = [];
  if (!parsed.findingArn) {
    problems.push("no findingArn, so it cannot be deduplicated");
  }
  if (!parsed.severity) {
    problems.push(severity ? `unknown severity ${severity}` : "no severity");
  }
  if (!parsed.status) problems.push("no status");
  if (!parsed.resource) problems.push("no resource");

  return problems;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
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
