import { createHash } from "node:crypto";

import {
  COMPONENT_PACKAGE_ADVISORIES,
  resolveComponentPackages,
} from "./advisories/component-packages";
import { adjustedCvss, cvssEntries } from "./advisories/cvss";
import {
  advisoryUrl,
  OS_PROFILES,
  type OsProfile,
} from "./advisories/os-profiles";
import type {
  AffectedPackage,
  Advisory,
  PackageManager,
  Severity,
} from "./advisories/types";
import type { OsKey } from "./base-images";

export interface FindingsInput {
  amiId: string;
  instanceId: string;
  accountId: string;
  region: string;
  osKey: OsKey;
  installedPackages: string[];
  osUpdated: boolean;
  observedAt: Date;
}

type Finding = Record<string, unknown>;

interface Scope {
  input: FindingsInput;
  profile: OsProfile;
  observed: number;
}

interface Origin {
  source: string;
  sourceUrl: string;
  packageManager: PackageManager;
  hasRelease: boolean;
  updateCommand: (name: string) => string;
}

const SEVERITY_ORDER: Severity[] = [
  "CRITICAL",
  "HIGH",
  "MEDIUM",
  "LOW",
  "INFORMATIONAL",
  "UNTRIAGED",
];

/**
 * Inspector2 `Finding` objects exactly as the ListFindings wire JSON has
 * them (timestamps as epoch seconds numbers).
 */
export function findingsForImage(input: FindingsInput): Finding[] {
  const profile = OS_PROFILES[input.osKey];
  const scope = { input, profile, observed: epoch(input.observedAt) };
  const findings: Finding[] = [];

  for (const advisory of profile.advisories) {
    // An OS update installs every shipped fix; unfixed packages remain.
    const packages = input.osUpdated
      ? advisory.packages.filter((p) => p.fixed === undefined)
      : advisory.packages;
    if (packages.length === 0) continue;

    const origin: Origin = {
      source: profile.source,
      sourceUrl: profile.sourceUrl(advisory.cve),
      packageManager: "OS",
      hasRelease: profile.hasRelease,
      updateCommand: profile.updateCommand,
    };
    findings.push(toFinding(scope, advisory, packages, origin));
  }

  const installed = resolveComponentPackages(input.installedPackages);
  const windows = input.osKey === "windows2022";
  for (const advisory of COMPONENT_PACKAGE_ADVISORIES) {
    const [affected] = advisory.packages;
    const reported = installed.get(affected.name);
    if (reported === undefined || (windows && advisory.linuxOnly)) continue;

    const origin: Origin = {
      source: "NVD",
      sourceUrl: nvdUrl(advisory.cve),
      packageManager: advisory.packageManager,
      hasRelease: false,
      updateCommand: componentUpdate(advisory.packageManager, profile),
    };
    const packages = [{ ...affected, name: reported }];
    findings.push(toFinding(scope, advisory, packages, origin));
  }

  return findings.sort(compareFindings);
}

function toFinding(
  scope: Scope,
  advisory: Advisory,
  packages: AffectedPackage[],
  origin: Origin,
): Finding {
  const { input, profile, observed } = scope;
  const names = packages.map((p) => p.name);
  const fixable = packages.filter((p) => p.fixed !== undefined);
  const cvss = cvssEntries(advisory, origin.source);
  const scored = cvss.at(-1);

  return {
    findingArn: findingArn(input, advisory),
    awsAccountId: input.accountId,
    type: "PACKAGE_VULNERABILITY",
    title: `${advisory.cve} - ${names.join(", ")}`,
    description: advisory.description,
    severity: advisory.severity,
    status: "ACTIVE",
    firstObservedAt: observed,
    lastObservedAt: observed,
    updatedAt: observed,
    ...(scored && {
      inspectorScore: scored.baseScore,
      inspectorScoreDetails: { adjustedCvss: adjustedCvss(advisory, scored) },
    }),
    packageVulnerabilityDetails: {
      vulnerabilityId: advisory.cve,
      source: origin.source,
      sourceUrl: origin.sourceUrl,
      vendorSeverity: advisory.vendorSeverity,
      vendorCreatedAt: day(advisory.published),
      vendorUpdatedAt: day(advisory.updated),
      cvss,
      relatedVulnerabilities: advisory.related,
      referenceUrls: referenceUrls(advisory, origin),
      vulnerablePackages: packages.map((p) => vulnerablePackage(p, origin)),
    },
    fixAvailable: fixAvailability(fixable.length, packages.length),
    exploitAvailable: advisory.exploitedAt ? "YES" : "NO",
    ...(advisory.exploitedAt && {
      exploitabilityDetails: {
        lastKnownExploitAt: day(advisory.exploitedAt),
      },
    }),
    epss: { score: advisory.epss },
    remediation: {
      recommendation: {
        text: remediationText(fixable, origin),
        Url: origin.sourceUrl,
      },
    },
    resources: [
      {
        type: "AWS_EC2_INSTANCE",
        id: input.instanceId,
        partition: "aws",
        region: input.region,
        details: {
          awsEc2Instance: {
            type: "t3.medium",
            imageId: input.amiId,
            platform: profile.platform,
            // The scan instance is launched shortly before it is scanned.
            launchedAt: observed - 600,
          },
        },
      },
    ],
  };
}

function vulnerablePackage(p: AffectedPackage, origin: Origin) {
  const cut = origin.hasRelease ? p.installed.lastIndexOf("-") : -1;
  const versioned = cut > 0;

  return {
    name: p.name,
    version: versioned ? p.installed.slice(0, cut) : p.installed,
    epoch: p.epoch,
    ...(versioned && { release: p.installed.slice(cut + 1) }),
    arch: "X86_64",
    packageManager: origin.packageManager,
    ...(p.fixed !== undefined && {
      fixedInVersion: origin.hasRelease ? `${p.epoch}:${p.fixed}` : p.fixed,
    }),
    remediation:
      p.fixed === undefined ? "None Provided" : origin.updateCommand(p.name),
  };
}

function remediationText(fixable: AffectedPackage[], origin: Origin) {
  if (fixable.length === 0) return "None Provided";

  const commands = fixable.map((p) => origin.updateCommand(p.name));

  return `Update to the fixed version: ${[...new Set(commands)].join("; ")}`;
}

function referenceUrls(advisory: Advisory, origin: Origin): string[] {
  const urls = [nvdUrl(advisory.cve), origin.sourceUrl];
  for (const id of advisory.related) {
    const url = advisoryUrl(id);
    if (url) urls.push(url);
  }

  return [...new Set(urls)];
}

function fixAvailability(fixed: number, total: number) {
  if (fixed === 0) return "NO";

  return fixed === total ? "YES" : "PARTIAL";
}

function componentUpdate(manager: PackageManager, profile: OsProfile) {
  if (manager === "PIP") return (name: string) => `pip install -U ${name}`;
  if (manager === "NPM") return (name: string) => `npm update -g ${name}`;

  return profile.updateCommand;
}

// Hashes the advisory's full package list, so a finding keeps its ARN
// when an OS update fixes some of its packages.
function findingArn(input: FindingsInput, advisory: Advisory): string {
  const names = advisory.packages.map((p) => p.name).join(",");
  const key = [input.accountId, input.instanceId, advisory.cve, names];
  const digest = createHash("sha256").update(key.join("|")).digest("hex");

  return (
    `arn:aws:inspector2:${input.region}:${input.accountId}:finding/` +
    digest.slice(0, 32)
  );
}

function compareFindings(a: Finding, b: Finding): number {
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity as Severity);

  return (
    rank(a) - rank(b) ||
    String(a.title).localeCompare(String(b.title), "en") ||
    String(a.findingArn).localeCompare(String(b.findingArn), "en")
  );
}

function nvdUrl(cve: string): string {
  return `https://nvd.nist.gov/vuln/detail/${cve}`;
}

function day(isoDate: string): number {
  return epoch(new Date(`${isoDate}T00:00:00Z`));
}

function epoch(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
