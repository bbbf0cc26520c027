import { describe, expect, it } from "vitest";

import { corpusJson } from "./fixtures";
import {
  displayVersion,
  installedVersion,
  parseFinding,
} from "./map-finding";
import { parseInspectorTime } from "./timestamps";

const detailOf = (name: Parameters<typeof corpusJson>[0]) =>
  corpusJson<{ detail: unknown }>(name).detail;

describe("C31 EC2 package vulnerability with two CVSS scores", () => {
  const finding = parseFinding(detailOf("C31-inspector-ec2-dual-cvss"));

  it("keeps Inspector's score as primary, NVD's only in the list", () => {
    expect(finding.title).toBe("CVE-2099-10031 - examplepkg");
    expect(finding.type).toBe("PACKAGE_VULNERABILITY");
    expect(finding.severity).toBe("MEDIUM");
    expect(finding.inspectorScore).toBe(4.8);
    expect(finding.scoreSource).toBe("UBUNTU_CVE");
    expect(finding.scoreVector).toBe(
      "CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:L",
    );
    expect(finding.cvss).toEqual([
      {
        source: "UBUNTU_CVE",
        version: "3.1",
        baseScore: 4.8,
        vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:L",
      },
      {
        source: "NVD",
        version: "3.1",
        baseScore: 7.3,
        vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:H",
      },
    ]);
  });

  it("keeps fix, exploit, EPSS and the package versions", () => {
    expect(finding.fixAvailable).toBe("YES");
    expect(finding.exploitAvailable).toBe(false);
    expect(finding.epss).toBe(0.00041);
    const [pkg] = finding.packages;
    expect(pkg.name).toBe("examplepkg");
    expect(installedVersion(pkg)).toBe("2.4.0");
    expect(pkg.fixedInVersion).toBe("0:2.5.1-0ubuntu0.1");
    expect(displayVersion(pkg.fixedInVersion)).toBe("2.5.1-0ubuntu0.1");
    expect(finding.referenceUrls).toEqual([
      "https://security.example.com/notices/EXN-0031-1",
    ]);
    expect(finding.sourceUrl).toBe(
      "https://security.example.com/cve/CVE-2099-10031",
    );
    expect(finding.vendorSeverity).toBe("medium");
  });

  it("finds the AMI and reads Inspector's event timestamps", () => {
    expect(finding.resource?.amiId).toBe("ami-0123456789abc0031");
    expect(finding.resource?.type).toBe("AWS_EC2_INSTANCE");
    expect(finding.firstObservedAt?.toISOString()).toBe(
      "2025-03-04T16:59:44.356Z",
    );
    expect(finding.updatedAt?.toISOString()).toBe("2025-03-04T17:00:36.951Z");
    expect(finding.status).toBe("CLOSED");
    expect(finding.problems).toEqual([]);
  });
});

describe("C32 network reachability", () => {
  const finding = parseFinding(detailOf("C32-inspector-network-reachability"));

  it("parses without package details and keeps the path in order", () => {
    expect(finding.type).toBe("NETWORK_REACHABILITY");
    expect(finding.severity).toBe("MEDIUM");
    expect(finding.status).toBe("ACTIVE");
    expect(finding.inspectorScore).toBeNull();
    expect(finding.vulnerabilityId).toBeNull();
    expect(finding.fixAvailable).toBeNull();
    expect(finding.epss).toBeNull();
    expect(finding.details).toEqual({
      kind: "network",
      protocol: "TCP",
      portRange: { begin: 22, end: 22 },
      steps: [
        "AWS::EC2::InternetGateway",
        "AWS::EC2::NetworkAcl",
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::NetworkInterface",
        "AWS::EC2::Instance",
      ].map((componentType, index) => ({
        componentType,
        componentId: [
          "igw-0123456789abcdef0",
          "acl-0123456789abcdef0",
          "sg-0123456789abcdef0",
          "eni-0123456789abcdef0",
          "i-0aaaaaaaaaaaaaaa1",
        ][index],
      })),
    });
    expect(finding.resource?.amiId).toBe("ami-0123456789abc0031");
  });
});

describe("C33 container image, no score, partial fix", () => {
  const event = corpusJson("C33-inspector-ecr-no-score-partial-fix");
  const finding = parseFinding(event.detail);

  it("ignores the stray envelope key and keeps the score missing", () => {
    expect(event["detail.resources.tags.testkey"]).toBe("allow");
    expect(finding.severity).toBe("MEDIUM");
    expect(finding.inspectorScore).toBeNull();
    expect(finding.cvss).toEqual([]);
  });

  it("is one finding with two packages, one without a fix yet", () => {
    expect(finding.fixAvailable).toBe("PARTIAL");
    expect(
      finding.packages.map((pkg) => [pkg.name, pkg.version, pkg.fixedInVersion]),
    ).toEqual([
      ["libexamplessl3", "3.0.13", "0:3.0.13-0ubuntu3.4"],
      // "NotAvailable" means no fix yet: never kept as a version.
      ["examplessl-tools", "3.0.13", null],
    ]);
  });

  it("belongs to the container image, not to an AMI", () => {
    expect(finding.resource).toEqual({
      type: "AWS_ECR_CONTAINER_IMAGE",
      id: expect.stringContaining("repository/example-app/sha256:1111"),
      amiId: null,
      label: `example-app@sha256:${"1".repeat(64)}`,
      tags: ["1.4.0", "latest"],
    });
  });
});

describe("C34 code vulnerability and a sparse finding", () => {
  const [code, sparse] = corpusJson<unknown[]>(
    "C34-inspector-code-and-sparse",
  ).map(parseFinding);

  it("keeps CWE, file, line and detector of the code finding", () => {
    expect(code.type).toBe("CODE_VULNERABILITY");
    expect(code.severity).toBe("CRITICAL");
    expect(code.details).toMatchObject({
      kind: "code",
      cwes: ["CWE-798"],
      filePath: "src/handler.py",
      startLine: 12,
      detectorName: "Hardcoded credentials",
    });
    expect(code.packages).toEqual([]);
    expect(code.fixAvailable).toBeNull();
    expect(code.resource?.type).toBe("AWS_LAMBDA_FUNCTION");
    expect(code.resource?.amiId).toBeNull();
    expect(code.firstObservedAt?.toISOString()).toBe("2025-03-04T16:51:01.869Z");
  });

  it("parses the sparse one and says what is wrong with it", () => {
    expect(sparse.findingArn).toBeNull();
    expect(sparse.severity).toBeNull();
    expect(sparse.status).toBeNull();
    expect(sparse.resource).toBeNull();
    // Policy: no title is derived from a bare CWE without a detector name.
    expect(sparse.title).toBeNull();
    expect(sparse.type).toBe("CODE_VULNERABILITY");
    expect(sparse.problems).toEqual([
      "no findingArn, so it cannot be deduplicated",
      "no severity",
      "no status",
      "no resource",
    ]);
  });
});

describe("timestamps", () => {
  it("reads every form Inspector uses", () => {
    const iso = "2025-03-04T16:59:44.356Z";
    expect(parseInspectorTime("Tue Mar 04 16:59:44.356 UTC 2025")?.toISOString()).toBe(iso);
    expect(parseInspectorTime(iso)?.toISOString()).toBe(iso);
    expect(parseInspectorTime(Date.parse(iso) / 1000)?.toISOString()).toBe(iso);
    expect(parseInspectorTime(new Date(iso))?.toISOString()).toBe(iso);
    expect(parseInspectorTime("yesterday")).toBeNull();
    expect(parseInspectorTime(undefined)).toBeNull();
  });
});
