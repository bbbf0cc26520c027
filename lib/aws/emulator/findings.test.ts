import { describe, expect, it } from "vitest";

import { COMPONENT_PACKAGE_ADVISORIES } from "./advisories/component-packages";
import { cvssBaseScore } from "./advisories/cvss";
import { OS_PROFILES } from "./advisories/os-profiles";
import type { Advisory } from "./advisories/types";
import { BASE_IMAGES, type OsKey } from "./base-images";
import { findingsForImage, type FindingsInput } from "./findings";

const OS_KEYS = Object.keys(OS_PROFILES) as OsKey[];
const SEVERITIES = [
  "INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL", "UNTRIAGED",
];
const ALL_ADVISORIES: Advisory[] = [
  ...OS_KEYS.flatMap((os) => OS_PROFILES[os].advisories),
  ...COMPONENT_PACKAGE_ADVISORIES,
];

type Finding = Record<string, any>; // eslint-disable-line -- wire JSON

function input(overrides: Partial<FindingsInput> = {}): FindingsInput {
  return {
    amiId: "ami-0123456789abcdef0",
    instanceId: "i-0fedcba9876543210",
    accountId: "111122223333",
    region: "us-east-1",
    osKey: "ubuntu2204",
    installedPackages: [],
    osUpdated: false,
    observedAt: new Date("2025-11-20T10:00:00Z"),
    ...overrides,
  };
}

function run(overrides: Partial<FindingsInput> = {}): Finding[] {
  return findingsForImage(input(overrides)) as Finding[];
}

function byCve(findings: Finding[], cve: string): Finding | undefined {
  return findings.find(
    (f) => f.packageVulnerabilityDetails.vulnerabilityId === cve,
  );
}

describe("findingsForImage", () => {
  it("covers every OS key of the base images", () => {
    for (const image of BASE_IMAGES) {
      expect(OS_PROFILES[image.osKey].advisories.length).toBeGreaterThan(12);
    }
  });

  it("is deterministic", () => {
    const packages = ["nginx", "git"];
    const first = run({ installedPackages: packages });
    const second = run({ installedPackages: [...packages] });

    expect(second).toEqual(first);
    expect(new Set(first.map((f) => f.findingArn)).size).toBe(first.length);
  });

  it.each(OS_KEYS)("gives %s findings of several severities", (osKey) => {
    const severities = new Set(run({ osKey }).map((f) => f.severity));

    expect(severities.size).toBeGreaterThanOrEqual(3);
    expect(severities.has("HIGH")).toBe(true);
  });

  it.each(OS_KEYS)("shapes every %s finding like the wire", (osKey) => {
    const observed = Date.parse("2025-11-20T10:00:00Z") / 1000;
    const findings = run({ osKey, installedPackages: ["nodejs"] });

    for (const f of findings) {
      expect(f.findingArn).toMatch(
        /^arn:aws:inspector2:us-east-1:111122223333:finding\/[0-9a-f]{32}$/,
      );
      expect(f.type).toBe("PACKAGE_VULNERABILITY");
      expect(f.status).toBe("ACTIVE");
      expect(SEVERITIES).toContain(f.severity);
      expect(["YES", "NO", "PARTIAL"]).toContain(f.fixAvailable);
      expect(["YES", "NO"]).toContain(f.exploitAvailable);
      expect(f.firstObservedAt).toBe(observed);
      expect(f.lastObservedAt).toBe(observed);
      expect(f.updatedAt).toBe(observed);
      expect(f.title).toMatch(/^CVE-\d{4}-\d{4,} - \S/);
      expect(f.remediation.recommendation.Url).toMatch(/^https:\/\//);

      const details = f.packageVulnerabilityDetails;
      expect(typeof details.vendorCreatedAt).toBe("number");
      expect(typeof details.vendorUpdatedAt).toBe("number");
      expect(details.vulnerablePackages.length).toBeGreaterThan(0);

      const [resource] = f.resources;
      expect(resource.type).toBe("AWS_EC2_INSTANCE");
      expect(resource.id).toBe("i-0fedcba9876543210");
      expect(resource.details.awsEc2Instance.imageId).toBe(
        "ami-0123456789abcdef0",
      );
      expect(typeof resource.details.awsEc2Instance.launchedAt).toBe(
        "number",
      );
      if (f.exploitAvailable === "YES") {
        expect(typeof f.exploitabilityDetails.lastKnownExploitAt).toBe(
          "number",
        );
      }
    }
  });

  it("reports PARTIAL and no-fix findings", () => {
    const centos = run({ osKey: "centos7" });
    const gzip = byCve(centos, "CVE-2022-1271")!;

    expect(gzip.fixAvailable).toBe("PARTIAL");
    expect(gzip.title).toBe("CVE-2022-1271 - gzip, xz");
    expect(byCve(centos, "CVE-2023-48795")!.fixAvailable).toBe("NO");

    const noFix = centos.find((f) => f.fixAvailable === "NO")!;
    for (const p of noFix.packageVulnerabilityDetails.vulnerablePackages) {
      expect(p.fixedInVersion).toBeUndefined();
    }
  });

  it("keeps only unfixed findings and packages after an OS update", () => {
    const before = run({ osKey: "centos7" });
    const after = run({ osKey: "centos7", osUpdated: true });

    expect(after.length).toBeLessThan(before.length);
    expect(byCve(after, "CVE-2021-4034")).toBeUndefined();
    expect(byCve(after, "CVE-2023-48795")).toBeDefined();

    const partial = byCve(after, "CVE-2022-1271")!;
    const names = partial.packageVulnerabilityDetails.vulnerablePackages.map(
      (p: Finding) => p.name,
    );
    expect(names).toEqual(["xz"]);
    expect(partial.title).toBe("CVE-2022-1271 - xz");
    expect(partial.fixAvailable).toBe("NO");
    expect(partial.findingArn).toBe(byCve(before, "CVE-2022-1271")!.findingArn);
    expect(after.every((f) => f.fixAvailable === "NO")).toBe(true);
  });

  it("keeps component package findings after an OS update", () => {
    const after = run({ osUpdated: true, installedPackages: ["nginx"] });
    const rapidReset = byCve(after, "CVE-2023-44487")!;

    expect(rapidReset.title).toBe("CVE-2023-44487 - nginx");
    expect(rapidReset.fixAvailable).toBe("YES");
  });

  it("adds advisories of installed packages through aliases", () => {
    const base = run({ osKey: "al2023" });
    const findings = run({
      osKey: "al2023",
      installedPackages: ["NGINX-core", "java-17-amazon-corretto", "docker"],
    });
    const titles = findings.map((f) => f.title);

    expect(findings.length).toBeGreaterThan(base.length);
    expect(titles).toContain("CVE-2021-23017 - NGINX-core");
    expect(titles).toContain("CVE-2022-21449 - java-17-amazon-corretto");
    expect(titles).toContain("CVE-2024-21626 - runc");
    expect(titles).toContain("CVE-2024-41110 - docker");
  });

  it("skips Linux-only package advisories on Windows", () => {
    const titles = run({
      osKey: "windows2022",
      installedPackages: ["docker", "git"],
    }).map((f) => f.title);

    expect(titles).toContain("CVE-2024-32002 - git");
    expect(titles.some((t) => t.includes("runc"))).toBe(false);
  });

  it("splits rpm versions and adds the epoch to fixed versions", () => {
    const finding = byCve(run({ osKey: "centos7" }), "CVE-2023-0286")!;
    const [p] = finding.packageVulnerabilityDetails.vulnerablePackages;

    expect(p).toMatchObject({
      name: "openssl-libs",
      version: "1.0.2k",
      release: "22.el7_9",
      epoch: 1,
      packageManager: "OS",
      fixedInVersion: "1:1.0.2k-26.el7_9",
      remediation: "yum update openssl-libs",
    });
  });

  it("uses the vendor's score and lists its adjustments", () => {
    const finding = byCve(run({ osKey: "rhel9" }), "CVE-2024-5535")!;
    const adjusted = finding.inspectorScoreDetails.adjustedCvss;

    expect(finding.packageVulnerabilityDetails.cvss).toHaveLength(2);
    expect(finding.inspectorScore).toBe(4.8);
    expect(adjusted.scoreSource).toBe("REDHAT_CVE");
    expect(adjusted.adjustments.map((a: Finding) => a.metric)).toContain(
      "attackComplexity",
    );
  });
});

describe("advisory fixture", () => {
  it("uses well-formed CVE ids and allowed severities", () => {
    for (const advisory of ALL_ADVISORIES) {
      expect(advisory.cve).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(SEVERITIES).toContain(advisory.severity);
      expect(advisory.epss).toBeGreaterThanOrEqual(0);
      expect(advisory.epss).toBeLessThanOrEqual(1);
      expect(advisory.published <= advisory.updated).toBe(true);
      expect(advisory.description.length).toBeLessThanOrEqual(1024);
    }
  });

  it("scores every scored advisory from a valid vector", () => {
    for (const advisory of ALL_ADVISORIES) {
      if (advisory.severity !== "UNTRIAGED") expect(advisory.nvd).toBeDefined();
      for (const vector of [advisory.nvd, advisory.vendorCvss]) {
        if (vector) expect(cvssBaseScore(vector)).toBeGreaterThan(0);
      }
    }
  });

  it("computes CVSS 3.1 base scores as NVD does", () => {
    expect(cvssBaseScore("AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")).toBe(7.8);
    expect(cvssBaseScore("AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H")).toBe(9.9);
    expect(cvssBaseScore("AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:H")).toBe(7.7);
    expect(cvssBaseScore("AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H")).toBe(8.6);
  });

  it.each(OS_KEYS)("gives %s one installed version per package", (os) => {
    const versions = new Map<string, string>();
    for (const advisory of OS_PROFILES[os].advisories) {
      for (const p of advisory.packages) {
        const seen = versions.get(p.name) ?? p.installed;
        expect(p.installed, `${os} ${p.name}`).toBe(seen);
        expect(p.fixed).not.toBe(p.installed);
        versions.set(p.name, p.installed);
      }
    }
  });

  it("has no duplicate CVE per OS", () => {
    for (const os of OS_KEYS) {
      const cves = OS_PROFILES[os].advisories.map((a) => a.cve);
      expect(new Set(cves).size, os).toBe(cves.length);
    }
  });
});
