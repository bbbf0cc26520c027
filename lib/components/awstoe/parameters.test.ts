import { describe, expect, it } from "vitest";

import { errorsOf, validate } from "./test-helpers";
import { validateParameterValues, type DeclaredParameter } from "./validate";

const withVariables = (...lines: string[]) =>
  [
    "schemaVersion: 1.0",
    ...lines,
    "phases:",
    "  - name: build",
    "    steps:",
    "      - name: Ok",
    "        action: ExecuteBash",
    "        inputs:",
    "          commands:",
    "            - echo ok",
    "",
  ].join("\n");

function errorSpots(text: string) {
  return errorsOf(validate(text)).map((e) => [e.message, e.line, e.column]);
}

describe("document parameters and constants", () => {
  it("rejects names outside 3-128 [A-Za-z0-9_-]", () => {
    const text = withVariables(
      "parameters:",
      "  - ab:",
      "      type: string",
      "  - Has.Dot:",
      "      type: string",
    );

    expect(errorSpots(text)).toEqual([
      ["Invalid name 'ab': use 3 to 128 characters from [A-Za-z0-9_-]", 3, 5],
      ["Invalid name 'Has.Dot': use 3 to 128 characters from " +
        "[A-Za-z0-9_-]", 5, 5],
    ]);
  });

  it("requires names to be unique across parameters and constants", () => {
    const text = withVariables(
      "parameters:",
      "  - Region:",
      "      type: string",
      "constants:",
      "  - Region:",
      "      type: string",
      "      value: eu-west-1",
    );

    expect(errorSpots(text)).toEqual([
      ["Duplicate name 'Region': parameter and constant names must be " +
        "unique across both", 6, 5],
    ]);
  });

  it("accepts only type string in documents", () => {
    const text = withVariables(
      "parameters:",
      "  - Port:",
      "      type: integer",
      '      default: "80"',
    );

    expect(errorSpots(text)).toEqual([
      ["Unsupported type 'integer': AWSTOE documents declare type 'string'",
        4, 13],
    ]);
  });

  it("requires the default to be one of allowedValues", () => {
    const text = withVariables(
      "parameters:",
      "  - Size:",
      "      type: string",
      "      default: huge",
      "      allowedValues: [small, large]",
    );

    expect(errorSpots(text)).toEqual([
      ["Default 'huge' of 'Size' is not one of its allowedValues: small, " +
        "large", 5, 16],
    ]);
  });

  it("requires a constant value", () => {
    const text = withVariables("constants:", "  - Dir:", "      type: string");

    expect(errorSpots(text)).toEqual([
      ["A constant needs a value", 4, 7],
    ]);
  });

  it("keeps defaults as written", () => {
    const text = withVariables(
      "parameters:",
      "  - Blank:",
      "      type: string",
      '      default: " "',
      "  - Ratio:",
      "      type: string",
      "      default: 1.50",
    );
    const declared = validate(text).summary!.parameters;

    expect(declared.map((p) => p.defaultValue)).toEqual([" ", "1.50"]);
  });
});

describe("validateParameterValues", () => {
  const declared: DeclaredParameter[] = [
    { name: "Count", type: "integer", defaultValue: "1", required: false },
    { name: "Enabled", type: "boolean", defaultValue: "true",
      required: false },
  ];

  it("checks integer and boolean formats", () => {
    expect(
      validateParameterValues(declared, { Count: "1.5", Enabled: "yes" }),
    ).toEqual([
      { name: "Count", message: "Value '1.5' for Count must be an integer" },
      { name: "Enabled", message: "Value 'yes' for Enabled must be true or " +
        "false" },
    ]);
    expect(
      validateParameterValues(declared, { Count: "-3", Enabled: "false" }),
    ).toEqual([]);
  });
});
