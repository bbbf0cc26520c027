import { describe, expect, it } from "vitest";

import { buildDoc, errorsOf, validate, warningsOf } from "./test-helpers";

/** [message, line, column] of each error, in document order. */
function errorSpots(text: string, platform?: "Linux" | "Windows") {
  return errorsOf(validate(text, platform)).map((e) => [
    e.message,
    e.line,
    e.column,
  ]);
}

const bash = (name: string, command = "echo ok") => [
  `      - name: ${name}`,
  "        action: ExecuteBash",
  "        inputs:",
  "          commands:",
  `            - ${command}`,
];

describe("document level", () => {
  it("reports a YAML syntax error at its position", () => {
    const errors = errorsOf(validate("schemaVersion: 1.0\nphases: [\n"));

    expect(errors[0]).toMatchObject({ line: 3, column: 1 });
    expect(errors[0].message).toMatch(/flow sequence|Expected/i);
    expect(errors[0].message).not.toMatch(/at line \d+|:$/);
  });

  it("rejects a document that is not a map", () => {
    expect(errorSpots("- just\n- a list\n")).toEqual([
      ["The document must be a YAML map", 1, 1],
    ]);
  });

  it("rejects a document over 16000 characters", () => {
    const padding = `description: "${"x".repeat(16_100)}"\n`;
    const text = buildDoc(...bash("Ok")) + padding;

    expect(errorSpots(text)).toEqual([
      [
        `The document has ${text.length} characters; Image Builder ` +
          "accepts at most 16000 inline (store larger ones in S3)",
        11,
        16_000 - text.indexOf("description") + 1,
      ],
    ]);
  });

  it("requires name and description, when given, to be text", () => {
    const text = buildDoc(...bash("Ok"));

    expect(errorSpots(text.replace("name: Probe", "name: [a, b]"))).toEqual([
      ["name must be text, not a list", 1, 7],
    ]);
    expect(errorSpots(`description:\n${text}`)).toEqual([
      ["description must be text, not empty", 1, 1],
    ]);
    expect(errorSpots(`description: Installs it\n${text}`)).toEqual([]);
  });

  it("accepts schemaVersion as the string '1.0' and rejects 2.0", () => {
    const text = buildDoc(...bash("Ok"));

    expect(errorSpots(text.replace("1.0", '"1.0"'))).toEqual([]);
    expect(errorSpots(text.replace("1.0", "2.0"))).toEqual([
      ["schemaVersion must be 1.0, not '2.0'", 2, 16],
    ]);
    expect(errorSpots(text.replace("schemaVersion: 1.0\n", ""))).toEqual([
      ["schemaVersion is required and must be 1.0", 1, 1],
    ]);
  });

  it("requires a non-empty phases list", () => {
    expect(errorSpots("schemaVersion: 1.0\nphases: []\n")).toEqual([
      ["phases is required and must be a non-empty list", 2, 9],
    ]);
  });

  it("types test-only documents as TEST", () => {
    const text = buildDoc(...bash("Ok")).replace("name: build", "name: test");
    const summary = validate(text).summary!;

    expect(summary.type).toBe("TEST");
    expect(summary.phases[0].stage).toBe("test");
  });
});

describe("phases", () => {
  it("rejects phases Image Builder does not run", () => {
    const text = buildDoc(...bash("Ok")).replace("build", "verify");

    expect(errorSpots(text)).toEqual([
      ["Phase 'verify' is not run by Image Builder: use build, validate " +
        "or test", 4, 11],
    ]);
  });

  it("rejects duplicate phase names and empty steps", () => {
    const text = buildDoc(...bash("Ok")) +
      "  - name: build\n    steps: []\n";

    expect(errorSpots(text)).toEqual([
      ["Duplicate phase name 'build'", 11, 11],
      ["Phase 'build' needs a non-empty list of steps", 12, 12],
    ]);
  });
});

describe("steps", () => {
  it("rejects duplicate step names within a phase", () => {
    const text = buildDoc(...bash("Same"), ...bash("Same"));

    expect(errorSpots(text)).toEqual([
      ["Duplicate step name 'Same' in phase 'build'", 11, 15],
    ]);
  });

  it("rejects an unknown action", () => {
    const text = buildDoc(...bash("Ok")).replace("ExecuteBash", "RunShell");

    expect(errorSpots(text)).toEqual([["Unknown action 'RunShell'", 7, 17]]);
  });

  it.each([
    ["onFailure: Retry", "onFailure must be Abort, Continue or Ignore", 20],
    ["timeoutSeconds: 0", "timeoutSeconds must be an integer from 1 to " +
      "43200, or -1 for no timeout", 25],
    ["timeoutSeconds: 43201", "timeoutSeconds must be an integer from 1 " +
      "to 43200, or -1 for no timeout", 25],
    ["maxAttempts: 0", "maxAttempts must be an integer from 1 to 10", 22],
    ["maxAttempts: 11", "maxAttempts must be an integer from 1 to 10", 22],
    ["maxAttempts: 2.5", "maxAttempts must be an integer from 1 to 10", 22],
  ])("rejects %s", (setting, message, column) => {
    const [first, ...rest] = bash("Ok");
    const text = buildDoc(first, `        ${setting}`, ...rest);

    expect(errorSpots(text)).toEqual([[message, 7, column]]);
  });

  it("accepts timeoutSeconds -1 and maxAttempts 10", () => {
    const [first, ...rest] = bash("Ok");
    const text = buildDoc(first, "        timeoutSeconds: -1",
      "        maxAttempts: 10", ...rest);

    expect(errorSpots(text)).toEqual([]);
  });

  it("rejects timeoutSeconds on Reboot and warns about the reboot", () => {
    const text = buildDoc(
      "      - name: Restart",
      "        action: Reboot",
      "        timeoutSeconds: 60",
    );
    const result = validate(text);

    expect(errorSpots(text)).toEqual([
      ["timeoutSeconds is not supported for the Reboot action", 8, 25],
    ]);
    expect(result.summary!.reboots).toBe(true);
    expect(warningsOf(result)[0]).toMatchObject({ line: 7, column: 17 });
  });

  it("warns about unknown step keys", () => {
    const [first, ...rest] = bash("Ok");
    const result = validate(buildDoc(first, "        onfailure: Abort",
      ...rest));

    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual([
      expect.objectContaining({
        message: "Unknown step key 'onfailure' is ignored",
        line: 7,
        column: 9,
      }),
    ]);
  });
});
