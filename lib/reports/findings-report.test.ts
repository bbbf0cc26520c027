import { describe, expect, it } from "vitest";

import { reportCsv, reportJson, type ReportFinding } from "./findings-report";

const finding: ReportFinding = {
  vulnerabilityId: "CVE-2099-0001",
  severity: "HIGH",
  status: "ACTIVE",
  title: 'demo-lib: "quoted", with comma',
  packageName: "=cmd|calc",
  installedVersion: "1.2.3",
  fixedInVersion: null,
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
        "fixedInVersion,fixAvailable,inspectorScore,epss,exploitAvailable," +
        "title,findingArn",
    );
    expect(lines[1]).toBe(
      "CVE-2099-0001,HIGH,ACTIVE,'=cmd|calc,1.2.3,,NO,7.5,,false," +
        '"demo-lib: ""quoted"", with comma",' +
        "arn:aws:inspector2:us-east-1:111122223333:finding/abc",
    );
    expect(lines[2]).toBe("");
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
