import type { Advisory } from "./types";

// CVSS v3.1 base score from a vector, per the FIRST specification, so
// the fixture stores only vectors and can never disagree with itself.

const AV: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Record<string, number> = { L: 0.77, H: 0.44 };
const UI: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };
const PR_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };

const METRICS = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"] as const;

/** Base score of a vector like `AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`. */
export function cvssBaseScore(vector: string): number {
  const m = parseVector(vector);
  const changed = m.S === "C";
  const iss = 1 - (1 - CIA[m.C]) * (1 - CIA[m.I]) * (1 - CIA[m.A]);
  const impact = changed
    ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
    : 6.42 * iss;
  const pr = (changed ? PR_CHANGED : PR_UNCHANGED)[m.PR];
  const exploitability = 8.22 * AV[m.AV] * AC[m.AC] * pr * UI[m.UI];

  if (impact <= 0) return 0;

  const raw = changed
    ? 1.08 * (impact + exploitability)
    : impact + exploitability;

  return roundUp(Math.min(raw, 10));
}

export function parseVector(vector: string): Record<string, string> {
  const body = vector.replace(/^CVSS:3\.1\//, "");
  const parts = Object.fromEntries(
    body.split("/").map((part) => part.split(":") as [string, string]),
  );
  for (const metric of METRICS) {
    if (parts[metric] === undefined) {
      throw new Error(`CVSS vector ${vector} lacks ${metric}`);
    }
  }

  return parts;
}

export interface CvssEntry {
  baseScore: number;
  scoringVector: string;
  version: string;
  source: string;
}

// NVD first; a vendor score, when present, is the one Inspector uses.
export function cvssEntries(advisory: Advisory, source: string): CvssEntry[] {
  const entries: CvssEntry[] = [];
  if (advisory.nvd) entries.push(cvssEntry(advisory.nvd, "NVD"));
  if (advisory.vendorCvss) {
    entries.push(cvssEntry(advisory.vendorCvss, source));
  }

  return entries;
}

function cvssEntry(vector: string, source: string): CvssEntry {
  return {
    baseScore: cvssBaseScore(vector),
    scoringVector: `CVSS:3.1/${vector}`,
    version: "3.1",
    source,
  };
}

const METRIC_NAMES: Record<string, string> = {
  AV: "attackVector",
  AC: "attackComplexity",
  PR: "privilegesRequired",
  UI: "userInteraction",
  S: "scope",
  C: "confidentiality",
  I: "integrity",
  A: "availability",
};

export function adjustedCvss(advisory: Advisory, scored: CvssEntry) {
  const nvd = advisory.nvd ? parseVector(advisory.nvd) : undefined;
  const vendor = advisory.vendorCvss && parseVector(advisory.vendorCvss);
  const adjustments =
    nvd && vendor
      ? Object.keys(METRIC_NAMES)
          .filter((metric) => nvd[metric] !== vendor[metric])
          .map((metric) => ({
            metric: METRIC_NAMES[metric],
            reason:
              `${scored.source} rates ${metric}:${vendor[metric]} ` +
              `where NVD rates ${metric}:${nvd[metric]}`,
          }))
      : [];

  return {
    scoreSource: scored.source,
    cvssSource: scored.source,
    version: scored.version,
    score: scored.baseScore,
    scoringVector: scored.scoringVector,
    adjustments,
  };
}

// The spec's Roundup avoids floating-point drift by working in 1e-5 units.
function roundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  if (scaled % 10_000 === 0) return scaled / 100_000;

  return (Math.floor(scaled / 10_000) + 1) / 10;
}
