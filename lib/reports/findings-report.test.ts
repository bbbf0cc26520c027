import { describe, expect, it } from "vitest";

import {
  reportCsv,
  reportJson,
  reportOrder,
  type ReportFinding,
} from "./findings-report";

const finding: ReportFinding = {
  vulnerabilityId: "CVE-2099-0001",
  severity: "HIGH",
  status: "ACTIVE",
  title: 'demo-lib: "quoted", with comma',
  packageName: "=cmd|calc",
  installedVersion: "1.2.3",
  fixedInVersion: null,
  packages: [
    {
      name: "=cmd|calc",
      version: "1.2.3",
      epoch: null,
      release: null,
      arch: null,
      packageManager: "OS",
      fixedInVersion: null,
      remediation: null,
    },
  ],
  fixAvailable: "NO",
  inspectorScore: 7.5,
  epss: null,
  exploitAvailable: false,
  findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/abc",
};

describe("findings report", () => {
  it("writes RFC 4180 CSV and defuses spreadsheet formulas", () => {
    const lines = reportCsv([finding]).split("\r\n");

    expect(lines[0]).toBe(
      "vulnerabilityId,severity,status,packageName,installedVersion," +
        "fixedInVersion,packages,fixAvailable,inspectorScore,epss," +
        "exploitAvailable,title,findingArn",
    );
    expect(lines[1]).toBe(
      "CVE-2099-0001,HIGH,ACTIVE,'=cmd|calc,1.2.3,,'=cmd|calc 1.2.3 (no fix)," +
        "NO,7.5,,false," +
        '"demo-lib: ""quoted"", with comma",' +
        "arn:aws:inspector2:us-east-1:111122223333:finding/abc",
    );
    expect(lines[2]).toBe("");
  });

  it("lists every package, without the 0: epoch", () => {
    const two: ReportFinding = {
      ...finding,
      packageName: "curl-minimal",
      packages: [
        { ...finding.packages[0], name: "curl-minimal", version: "8.0.1",
          epoch: 0, release: "1.amzn2023", fixedInVersion: "0:8.3.0-1" },
        { ...finding.packages[0], name: "libcurl-minimal", version: "8.0.1",
          epoch: 0, release: "1.amzn2023", fixedInVersion: "0:8.3.0-1" },
      ],
    };

    expect(reportCsv([two]).split("\r\n")[1]).toContain(
      "curl-minimal 8.0.1-1.amzn2023 (fix 8.3.0-1); " +
        "libcurl-minimal 8.0.1-1.amzn2023 (fix 8.3.0-1)",
    );
  });

  it("puts the most severe first, not the alphabetical", () => {
    const of = (severity: string, vulnerabilityId: string) => ({
      ...finding,
      severity,
      vulnerabilityId,
    });
    const sorted = reportOrder([
      of("MEDIUM", "CVE-1"),
      of("LOW", "CVE-2"),
      of("INFORMATIONAL", "CVE-3"),
      of("CRITICAL", "CVE-5"),
      of("HIGH", "CVE-4"),
      of("CRITICAL", "CVE-0"),
    ]);

    expect(sorted.map((f) => `${f.severity} ${f.vulnerabilityId}`)).toEqual([
      "CRITICAL CVE-0",
      "CRITICAL CVE-5",
      "HIGH CVE-4",
      "MEDIUM CVE-1",
      "LOW CVE-2",
      "INFORMATIONAL CVE-3",
    ]);
  });

  it("counts severities in the JSON report", () => {
    const image = { arn: "arn:x", recipe: "r", version: "1.0.0/1", team: "t", amis: [] };
    const json = JSON.parse(
      reportJson(image, [finding, finding], new Date("2025-01-02T03:04:05Z")),
    );

    expect(json.counts).toEqual({ HIGH: 2 });
    expect(json.generatedAt).toBe("2025-01-02T03:04:05.000Z");
    expect(json.findings).toHaveLength(2);
  });
});
