import { displayVersion, type Severity } from "../findings/map-finding";

// The pure part of the version diff: no database, easy to test.

export interface DiffInput {
  vulnerabilityId: string;
  packageName: string | null;
  installedVersion: string | null;
  fixedInVersion: string | null;
  severity: string;
  inspectorScore: number | null;
}

export interface PackageSide {
  installedVersion: string | null;
  fixedInVersion: string | null;
}

export interface DiffRow {
  vulnerabilityId: string;
  packageName: string | null;
  /** The newer side's severity and score when the CVE is in both. */
  severity: Severity;
  score: number | null;
  older: PackageSide | null;
  newer: PackageSide | null;
}

export type DiffGroup = "new" | "fixed" | "carried";

export interface FindingsDiff {
  new: DiffRow[];
  fixed: DiffRow[];
  carried: DiffRow[];
}

const RANK: Record<string, number> = {
  CRITICAL: 0,
  HIGH: 1,
  MEDIUM: 2,
  LOW: 3,
  INFORMATIONAL: 4,
  UNTRIAGED: 5,
};

/**
 * New (newer only), fixed (older only) and carried (both) CVEs, keyed by
 * CVE and package; each group sorted by severity, then CVE, then package.
 */
export function diffFindings(
  older: DiffInput[],
  newer: DiffInput[],
): FindingsDiff {
  const before = byKey(older);
  const after = byKey(newer);
  const result: FindingsDiff = { new: [], fixed: [], carried: [] };

  for (const [key, finding] of after) {
    const previous = before.get(key);
    const row = toRow(finding, previous ? side(previous) : null, side(finding));
    (previous ? result.carried : result.new).push(row);
  }
  for (const [key, finding] of before) {
    if (!after.has(key)) result.fixed.push(toRow(finding, side(finding), null));
  }

  result.new.sort(compareRows);
  result.fixed.sort(compareRows);
  result.carried.sort(compareRows);

  return result;
}

/** One finding per key; a duplicate keeps the worse severity. */
function byKey(findings: DiffInput[]): Map<string, DiffInput> {
  const map = new Map<string, DiffInput>();
  for (const finding of findings) {
    const key = `${finding.vulnerabilityId}\u0000${finding.packageName ?? ""}`;
    const kept = map.get(key);
    if (!kept || rank(finding.severity) < rank(kept.severity)) {
      map.set(key, finding);
    }
  }

  return map;
}

function toRow(
  finding: DiffInput,
  older: PackageSide | null,
  newer: PackageSide | null,
): DiffRow {
  return {
    vulnerabilityId: finding.vulnerabilityId,
    packageName: finding.packageName,
    severity: (finding.severity in RANK
      ? finding.severity
      : "UNTRIAGED") as Severity,
    score: finding.inspectorScore,
    older,
    newer,
  };
}

/** Versions as the findings table shows them (no `0:` epoch). */
function side(finding: DiffInput): PackageSide {
  return {
    installedVersion: displayVersion(finding.installedVersion),
    fixedInVersion: displayVersion(finding.fixedInVersion),
  };
}

function rank(severity: string): number {
  return RANK[severity] ?? RANK.UNTRIAGED;
}

function compareRows(a: DiffRow, b: DiffRow): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    compareText(a.vulnerabilityId, b.vulnerabilityId) ||
    compareText(a.packageName ?? "", b.packageName ?? "")
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
