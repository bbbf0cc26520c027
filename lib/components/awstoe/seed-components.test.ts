import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { BASE_IMAGES } from "@/lib/aws/emulator/base-images";
import { SEED_COMPONENTS } from "@/prisma/seed-data/components";

import { errorsOf, validate } from "./test-helpers";

const SEED_DIR = path.join(
  import.meta.dirname,
  "../../../prisma/seed-data/components",
);

// name -> [parameter, default or null when required, allowedValues?]
const EXPECTED_PARAMETERS: Record<string, [string, string | null,
  string[]?][]> = {
  "ccoe-hardening-rhel": [["PasswordMaxDays", "90"], ["SshMaxAuthTries", "4"]],
  "ccoe-hardening-debian": [
    ["PasswordMaxDays", "90"],
    ["SshMaxAuthTries", "4"],
  ],
  "ccoe-hardening-windows": [
    ["PasswordMaxDays", "90"],
    ["MinPasswordLength", "14"],
  ],
  "ssm-agent-linux": [],
  "cloudwatch-agent-linux": [
    ["MetricsNamespace", "GoldenAMI"],
    ["CollectionIntervalSeconds", "60", ["10", "30", "60"]],
  ],
  "cloudwatch-agent-windows": [
    ["MetricsNamespace", "GoldenAMI"],
    ["CollectionIntervalSeconds", "60", ["10", "30", "60"]],
  ],
  "update-os-linux": [],
  "update-os-windows": [],
  "reboot-test-linux": [],
  "reboot-test-windows": [],
  "nginx-web-server": [
    ["ServerName", null],
    ["WorkerProcesses", "auto"],
    ["ListenPort", "80"],
  ],
  "openjdk-17-runtime": [
    ["JavaDistribution", "corretto", ["corretto", "temurin"]],
  ],
  "nodejs-runtime": [["NodeMajorVersion", "20", ["18", "20", "22"]]],
  "http-smoke-test": [["Url", "http://localhost/"], ["ExpectedStatus", "200"]],
  "iis-web-server": [],
};

const TEST_COMPONENTS = [
  "reboot-test-linux",
  "reboot-test-windows",
  "http-smoke-test",
];

describe("seed components", () => {
  it("lists every expected component once", () => {
    const names = SEED_COMPONENTS.map((c) => c.name);

    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(EXPECTED_PARAMETERS).sort());
  });

  describe.each(SEED_COMPONENTS)("$name", (component) => {
    const text = readFileSync(path.join(SEED_DIR, component.file), "utf8");
    const result = validate(text, component.platform, "eu-west-1");

    it("validates with zero errors on its platform", () => {
      expect(errorsOf(result)).toEqual([]);
      expect(result.summary?.name).toBe(component.name);
    });

    it("declares the parameters the manifest implies", () => {
      const declared = result.summary!.parameters.map((p) => [
        p.name,
        p.required ? null : p.defaultValue,
        ...(p.allowedValues ? [p.allowedValues] : []),
      ]);

      expect(declared).toEqual(EXPECTED_PARAMETERS[component.name]);
      expect(result.summary!.parameters.every((p) => p.type === "string"))
        .toBe(true);
    });

    it("has the component type its phases imply", () => {
      const expected = TEST_COMPONENTS.includes(component.name)
        ? "TEST"
        : "BUILD";

      expect(result.summary!.type).toBe(expected);
    });

    it("matches at least one base image of its platform", () => {
      const matches = BASE_IMAGES.filter(
        (image) =>
          image.platform === component.platform &&
          component.supportedOsVersions.some((prefix) =>
            image.osVersion.startsWith(prefix),
          ),
      );

      expect(matches.length).toBeGreaterThan(0);
    });

    it("uses the versions the catalog expects", () => {
      const hardening = component.name.startsWith("ccoe-hardening-");

      expect(component.semanticVersion).toBe(hardening ? "2.1.0" : "1.0.0");
      expect(component.mandatory).toBe(hardening);
    });
  });
});
