import { describe, expect, test } from "vitest";

import type { DeclaredParameter } from "../components/awstoe/types";
import {
  checkRecipe,
  checkSemanticVersion,
  effectiveParameters,
  fitsTarget,
  type CatalogComponent,
  type RecipeDraft,
} from "./rules";

const AL2023 = {
  platform: "Linux",
  osVersion: "Amazon Linux 2023",
  parentImage: "ami-0f3d2c1b4a5e6d753",
};

function component(
  name: string,
  extra: Partial<CatalogComponent> = {},
): CatalogComponent {
  return {
    versionId: `v-${name}`,
    componentId: `c-${name}`,
    name,
    version: "1.0.0",
    type: "BUILD",
    platform: "Linux",
    supportedOsVersions: [],
    mandatory: false,
    description: name,
    ownerTeam: "CCOE",
    parameters: [],
    arn: null,
    ...extra,
  };
}

const serverName: DeclaredParameter = {
  name: "ServerName",
  type: "string",
  required: true,
};
const port: DeclaredParameter = {
  name: "ListenPort",
  type: "string",
  defaultValue: "80",
  required: false,
};

const catalog = new Map(
  [
    component("hardening", {
      mandatory: true,
      supportedOsVersions: ["Amazon Linux", "Red Hat Enterprise Linux"],
      parameters: [
        {
          name: "PasswordMaxDays",
          type: "string",
          defaultValue: "90",
          required: false,
        },
      ],
    }),
    component("hardening-windows", { mandatory: true, platform: "Windows" }),
    component("nginx", { parameters: [serverName, port] }),
    component("smoke", { type: "TEST" }),
    component("iis", { platform: "Windows" }),
    component("ubuntu-only", { supportedOsVersions: ["Ubuntu"] }),
  ].map((c) => [c.versionId, c]),
);

function draft(items: string[], extra: Partial<RecipeDraft> = {}): RecipeDraft {
  return {
    name: "payments-api",
    version: "1.2.3",
    items: items.map((name) => ({
      versionId: `v-${name}`,
      parameters: (name === "nginx"
        ? { ServerName: "a.example.com" }
        : {}) as Record<string, string>,
    })),
    ...extra,
  };
}

describe("checkRecipe", () => {
  test("the CCOE's parameter values of mandatory components stay", () => {
    const recipe = draft(["hardening", "nginx"]);
    recipe.items[0].parameters = { PasswordMaxDays: "9999" };

    expect(checkRecipe(recipe, AL2023, catalog)).toEqual([
      {
        field: "items.0.PasswordMaxDays",
        message:
          "PasswordMaxDays of CCOE component hardening is set by the CCOE (90).",
      },
    ]);
    recipe.items[0].parameters = { PasswordMaxDays: "90" };
    expect(checkRecipe(recipe, AL2023, catalog)).toEqual([]);
  });

  test("accepts a valid recipe", () => {
    expect(
      checkRecipe(draft(["hardening", "nginx", "smoke"]), AL2023, catalog),
    ).toEqual([]);
  });

  test("requires the mandatory component for the platform only", () => {
    const issues = checkRecipe(draft(["nginx"]), AL2023, catalog);

    expect(issues).toEqual([
      {
        field: "items",
        message: "CCOE component hardening is mandatory for this image.",
      },
    ]);
  });

  test("flags platform and OS mismatches on the item", () => {
    const issues = checkRecipe(
      draft(["hardening", "iis", "ubuntu-only"]),
      AL2023,
      catalog,
    );

    expect(issues.map((i) => i.field)).toEqual(["items.1", "items.2"]);
    expect(issues[0].message).toMatch(
      /iis supports Windows, not Amazon Linux 2023/,
    );
    expect(issues[1].message).toMatch(/Linux \(Ubuntu\)/);
  });

  test("flags a duplicate component", () => {
    const issues = checkRecipe(
      draft(["hardening", "nginx", "nginx"]),
      AL2023,
      catalog,
    );

    expect(issues).toEqual([
      { field: "items.2", message: "nginx is already in the recipe." },
    ]);
  });

  test("flags a test component placed before a build component", () => {
    const issues = checkRecipe(
      draft(["hardening", "smoke", "nginx"]),
      AL2023,
      catalog,
    );

    expect(issues).toEqual([
      {
        field: "items.1",
        message: "Test component smoke must come after every build component.",
      },
    ]);
  });

  test("flags a missing required parameter and an unknown one", () => {
    const recipe = draft(["hardening", "nginx"]);
    recipe.items[1].parameters = { Region: "eu-west-1" };
    const fields = checkRecipe(recipe, AL2023, catalog).map((i) => i.field);

    expect(fields).toEqual(["items.1.Region", "items.1.ServerName"]);
  });

  test("flags unknown component versions, bad names and versions", () => {
    const issues = checkRecipe(
      draft(["hardening", "ghost"], { name: " x", version: "1.x.0" }),
      AL2023,
      catalog,
    );

    expect(issues.map((i) => i.field)).toEqual(["name", "version", "items.1"]);
  });

  test("an empty recipe is refused", () => {
    const fields = checkRecipe(draft([]), AL2023, catalog).map((i) => i.field);

    expect(fields).toContain("items");
  });
});

describe("versions and targets", () => {
  test.each([
    ["1.0.0", null],
    ["2021.01.01", null],
    ["1.0", "semantic"],
    ["1.0.x", "semantic"],
    [" 1.0.0", "semantic"],
    ["1073741824.0.0", "at most"],
  ])("checkSemanticVersion(%s)", (version, expected) => {
    const result = checkSemanticVersion(version);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });

  test("supported OS versions match by prefix", () => {
    const target = { platform: "Linux", osVersion: "Amazon Linux 2023" };

    expect(
      fitsTarget(
        { platform: "Linux", supportedOsVersions: ["Amazon Linux"] },
        target,
      ),
    ).toBe(true);
    expect(
      fitsTarget(
        { platform: "Linux", supportedOsVersions: ["Amazon Linux 2"] },
        target,
      ),
    ).toBe(true);
    expect(
      fitsTarget(
        { platform: "Linux", supportedOsVersions: ["Ubuntu"] },
        target,
      ),
    ).toBe(false);
    expect(
      fitsTarget({ platform: "Windows", supportedOsVersions: [] }, target),
    ).toBe(false);
  });

  test("only parameters that differ from the default are sent", () => {
    expect(
      effectiveParameters([serverName, port], {
        ServerName: "a",
        ListenPort: "80",
      }),
    ).toEqual([{ name: "ServerName", value: ["a"] }]);
  });
});
