import { describe, expect, test } from "vitest";

import { diffFindings, type DiffInput } from "./diff-findings";

function finding(over: Partial<DiffInput> & { vulnerabilityId: string }): DiffInput {
  return {
    packageName: "openssl",
    installedVersion: "1.0",
    fixedInVersion: null,
    severity: "MEDIUM",
    inspectorScore: 5,
    ...over,
  };
}

describe("diffFindings", () => {
  test("splits by CVE and package into new, fixed and carried", () => {
    const older = [
      finding({ vulnerabilityId: "CVE-1", packageName: "nginx" }),
      finding({ vulnerabilityId: "CVE-2", installedVersion: "1.0" }),
    ];
    const newer = [
      finding({ vulnerabilityId: "CVE-1", packageName: "nodejs" }),
      finding({
        vulnerabilityId: "CVE-2",
        installedVersion: "1.1",
        fixedInVersion: "1.2",
        severity: "HIGH",
        inspectorScore: 7.1,
      }),
    ];
    const diff = diffFindings(older, newer);

    expect(diff.new.map((r) => r.packageName)).toEqual(["nodejs"]);
    expect(diff.fixed.map((r) => r.packageName)).toEqual(["nginx"]);
    expect(diff.carried).toEqual([
      {
        vulnerabilityId: "CVE-2",
        packageName: "openssl",
        severity: "HIGH",
        score: 7.1,
        older: { installedVersion: "1.0", fixedInVersion: null },
        newer: { installedVersion: "1.1", fixedInVersion: "1.2" },
      },
    ]);
    expect(diff.new[0].older).toBeNull();
    expect(diff.fixed[0].newer).toBeNull();
  });

  test("sorts by severity, then CVE, then package", () => {
    const newer = [
      finding({ vulnerabilityId: "CVE-9", severity: "LOW" }),
      finding({ vulnerabilityId: "CVE-5", severity: "CRITICAL", packageName: "b" }),
      finding({ vulnerabilityId: "CVE-5", severity: "CRITICAL", packageName: "a" }),
      finding({ vulnerabilityId: "CVE-1", severity: "HIGH" }),
      finding({ vulnerabilityId: "CVE-0", severity: "bogus" }),
    ];
    const rows = diffFindings([], newer).new;

    expect(rows.map((r) => `${r.vulnerabilityId}${r.packageName}`)).toEqual([
      "CVE-5a",
      "CVE-5b",
      "CVE-1openssl",
      "CVE-9openssl",
      "CVE-0openssl",
    ]);
    expect(rows.at(-1)?.severity).toBe("UNTRIAGED");
  });

  test("a duplicate key keeps the worse severity; no package is a key too", () => {
    const older = [
      finding({ vulnerabilityId: "CVE-3", packageName: null }),
      finding({ vulnerabilityId: "CVE-4", severity: "LOW" }),
      finding({ vulnerabilityId: "CVE-4", severity: "HIGH" }),
    ];
    const newer = [finding({ vulnerabilityId: "CVE-3", packageName: null })];
    const diff = diffFindings(older, newer);

    expect(diff.carried.map((r) => r.vulnerabilityId)).toEqual(["CVE-3"]);
    expect(diff.fixed).toHaveLength(1);
    expect(diff.fixed[0].severity).toBe("HIGH");
  });

  test("versions drop the 0: epoch, as the findings table shows them", () => {
    const older = [
      finding({
        vulnerabilityId: "CVE-1",
        installedVersion: "2.34-52.amzn2023.0.3",
        fixedInVersion: "0:2.34-52.amzn2023.0.7",
      }),
    ];
    const newer = [
      finding({
        vulnerabilityId: "CVE-1",
        installedVersion: "1:3.0.8-1.amzn2023.0.2",
        fixedInVersion: "1:3.0.8-1.amzn2023.0.3",
      }),
    ];
    const [row] = diffFindings(older, newer).carried;

    expect(row.older).toEqual({
      installedVersion: "2.34-52.amzn2023.0.3",
      fixedInVersion: "2.34-52.amzn2023.0.7",
    });
    // A real epoch stays: 1: is part of the version.
    expect(row.newer).toEqual({
      installedVersion: "1:3.0.8-1.amzn2023.0.2",
      fixedInVersion: "1:3.0.8-1.amzn2023.0.3",
    });
  });

  test("identical images carry everything", () => {
    const same = [finding({ vulnerabilityId: "CVE-7" })];
    const diff = diffFindings(same, same);

    expect([diff.new.length, diff.fixed.length, diff.carried.length]).toEqual([
      0, 0, 1,
    ]);
  });
});
