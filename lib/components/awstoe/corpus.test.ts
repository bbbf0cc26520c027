import { describe, expect, it } from "vitest";

import {
  errorsOf,
  fixture,
  validate,
  warningsOf,
} from "./test-helpers";
import { validateParameterValues } from "./validate";

describe("C02 Windows component with parameters, constants and Reboot", () => {
  const text = fixture("C02-windows-params-reboot");

  it("is accepted on Windows with the expected summary", () => {
    const result = validate(text, "Windows");
    const summary = result.summary!;

    expect(errorsOf(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(summary.parameters.map((p) => [p.name, p.required])).toEqual([
      ["InstallerBucket", false],
      ["InstallerKey", false],
    ]);
    expect(summary.constants).toEqual([
      { name: "StagingDir", value: "C:\\Staging" },
    ]);
    expect(summary.phases.map((p) => [p.name, p.steps.length])).toEqual([
      ["build", 4],
      ["validate", 1],
    ]);
    expect(summary.phases[0].steps.map((s) => s.action)).toEqual([
      "CreateFolder",
      "S3Download",
      "ExecutePowerShell",
      "Reboot",
    ]);
  });

  it("shows per-step settings and flags the reboot", () => {
    const result = validate(text, "Windows");
    const [, fetch, run] = result.summary!.phases[0].steps;

    expect(fetch).toMatchObject({ maxAttempts: 3, onFailure: "Abort" });
    expect(run).toMatchObject({ timeoutSeconds: 900 });
    expect(result.summary!.reboots).toBe(true);
    expect(warningsOf(result)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("'RestartHost' reboots the build"),
        line: 42,
        column: 17,
      }),
    ]);
  });

  it("resolves every reference, including two in one Windows path", () => {
    const refs = validate(text, "Windows").summary!.references;
    const destination = refs.filter((r) => r.path.endsWith("destination"));

    expect(new Set(refs.map((r) => r.expression))).toEqual(
      new Set(["StagingDir", "InstallerBucket", "InstallerKey"]),
    );
    expect(destination.map((r) => r.kind)).toEqual(["constant"]);
  });

  // Policy: ExecutePowerShell on a Linux component is an error, not a
  // warning, because AWSTOE validates the document against per-OS actions.
  it("is rejected on Linux: ExecutePowerShell is Windows-only", () => {
    const errors = errorsOf(validate(text, "Linux"));

    expect(errors.map((e) => [e.message, e.line, e.column])).toEqual([
      ["Action ExecutePowerShell is not available on Linux (only Windows)",
        33, 17],
      ["Action ExecutePowerShell is not available on Linux (only Windows)",
        46, 17],
    ]);
  });

  it("accepts an empty InstallerKey from a recipe (string type)", () => {
    const declared = validate(text, "Windows").summary!.parameters;

    expect(validateParameterValues(declared, { InstallerKey: "" })).toEqual(
      [],
    );
  });
});

describe("C05 allowedValues, multi-input WebDownload, three phases", () => {
  const text = fixture("C05-params-allowedvalues");
  const summary = validate(text, "Linux").summary!;

  it("is accepted on Linux with two parameters and a ' ' default", () => {
    const result = validate(text, "Linux");

    expect(result.ok).toBe(true);
    expect(errorsOf(result)).toEqual([]);
    expect(summary.parameters).toEqual([
      {
        name: "SecretBackend",
        type: "string",
        defaultValue: "SecretsManager",
        allowedValues: ["SecretsManager", "ParameterStore"],
        description: "Where the agent API credentials are stored",
        required: false,
      },
      expect.objectContaining({ name: "AgentTags", defaultValue: " " }),
    ]);
  });

  it("labels validate as build stage and test as test stage", () => {
    expect(
      summary.phases.map((p) => [p.name, p.stage, p.steps.length]),
    ).toEqual([
      ["build", "build", 3],
      ["validate", "build", 1],
      ["test", "test", 1],
    ]);
    expect(summary.type).toBe("BUILD");
    expect(summary.phases[0].steps[0]).toMatchObject({
      action: "WebDownload",
      maxAttempts: 3,
    });
  });

  it("resolves inputs[0].destination to the first download", () => {
    const chain = summary.references.find((r) => r.kind === "chain");

    expect(chain).toMatchObject({
      expression: "build.FetchInstallers.inputs[0].destination",
      resolvedValue: "/tmp/example-agent/install.sh",
    });
  });

  it.each([
    [{}, []],
    [{ SecretBackend: "ParameterStore" }, []],
    [
      { SecretBackend: "Vault" },
      ["Value 'Vault' for SecretBackend is not one of the allowed values: " +
        "SecretsManager, ParameterStore"],
    ],
    // Policy: allowedValues are case-sensitive, as AWSTOE compares them.
    [
      { SecretBackend: "secretsmanager" },
      ["Value 'secretsmanager' for SecretBackend is not one of the allowed " +
        "values: SecretsManager, ParameterStore"],
    ],
    [{ Region: "eu-west-1" }, [
      "Parameter Region is not defined in the component",
    ]],
  ])("recipe values %j give %j", (values, messages) => {
    const problems = validateParameterValues(summary.parameters, values);

    expect(problems.map((p) => p.message)).toEqual(messages);
  });

  it("warns (only) when the pinned ExecuteDocument ARN is cross-region", () => {
    const away = validate(text, "Linux", "eu-west-1");
    const home = validate(text, "Linux", "us-east-1");

    expect(away.ok).toBe(true);
    expect(warningsOf(away)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("component in us-east-1"),
        path: "phases[0].steps[1].inputs.document",
        line: 30,
        column: 21,
      }),
    ]);
    expect(warningsOf(home)).toEqual([]);
  });
});

describe("C07 forEach over chained outputs, InstallMSI", () => {
  const text = fixture("C07-foreach-chained-outputs");

  it("is accepted on Windows with a loop of size 2", () => {
    const result = validate(text, "Windows");
    const cleanup = result.summary!.phases[0].steps[4];

    expect(result.issues).toEqual([]);
    expect(cleanup).toMatchObject({
      name: "Cleanup",
      onFailure: "Continue",
      loop: { name: "CleanupLoop", kind: "forEach", iterations: 2 },
    });
    expect(result.summary!.phases[0].steps[3]).toMatchObject({
      maxAttempts: 2,
      timeoutSeconds: 600,
    });
  });

  it("accepts the named-loop form in the same step", () => {
    const named = text.replace(
      "- path: '{{ loop.value }}'",
      "- path: '{{ CleanupLoop.value }}'",
    );

    expect(errorsOf(validate(named, "Windows"))).toEqual([]);
  });

  it("reports LicenseKey as required and rejects a recipe omitting it", () => {
    const declared = validate(text, "Windows").summary!.parameters;

    expect(declared).toEqual([
      expect.objectContaining({ name: "LicenseKey", required: true }),
    ]);
    expect(validateParameterValues(declared, {})).toEqual([
      {
        name: "LicenseKey",
        message: "Parameter LicenseKey is required: the component gives " +
          "it no default",
      },
    ]);
  });

  it("rejects outputs.stdout of a WebDownload step", () => {
    const bad = text.replace(
      "'{{ build.LogPath.outputs.stdout }}'\n",
      "'{{ build.Download.outputs.stdout }}'\n",
    );
    const errors = errorsOf(validate(bad, "Windows"));

    expect(errors).toEqual([
      expect.objectContaining({
        message:
          "Reference '{{ build.Download.outputs.stdout }}': action " +
          "WebDownload of step 'Download' has no output 'stdout' (it has " +
          "destination)",
        path: "phases[0].steps[3].inputs.logFile",
        line: 39,
        column: 21,
      }),
    ]);
  });
});

describe("C11 for loop with updateBy 0", () => {
  const text = fixture("C11-for-loop-zero-updateby");
  const withFor = (start: string, end: string, updateBy: string) =>
    text
      .replace("start: 1", `start: ${start}`)
      .replace("end: 5", `end: ${end}`)
      .replace("updateBy: 0", `updateBy: ${updateBy}`);

  it("is rejected on loop.for.updateBy of step ProbeSizes", () => {
    const result = validate(text);

    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      {
        severity: "error",
        message:
          "Step 'ProbeSizes' in phase 'build': loop.for.updateBy must be a " +
          "non-zero integer",
        path: "phases[0].steps[0].loop.for.updateBy",
        line: 14,
        column: 23,
      },
    ]);
  });

  it("accepts 1..5 by 1 as five iterations", () => {
    const result = validate(withFor("1", "5", "1"));

    expect(result.issues).toEqual([]);
    expect(result.summary!.phases[0].steps[0].loop).toEqual({
      name: "SizeLoop",
      kind: "for",
      iterations: 5,
    });
  });

  it("accepts 5..1 by -2 as three iterations (5, 3, 1)", () => {
    const result = validate(withFor("5", "1", "-2"));

    expect(result.issues).toEqual([]);
    expect(result.summary!.phases[0].steps[0].loop?.iterations).toBe(3);
  });

  it("rejects a chaining expression in a for field", () => {
    const errors = errorsOf(
      validate(withFor("1", "5", '"{{ build.X.outputs.stdout }}"')),
    );

    expect(errors).toEqual([
      expect.objectContaining({
        message:
          "Step 'ProbeSizes' in phase 'build': loop.for fields do not " +
          "accept chaining expressions ('{{ build.X.outputs.stdout }}')",
        line: 14,
        column: 24,
      }),
    ]);
  });

  // Policy: the looping page's ExecuteBinary sample that nests path/args
  // under inputs.commands is rejected, not just warned about.
  it("rejects ExecuteBinary inputs nested under commands", () => {
    const doc = [
      "schemaVersion: 1.0",
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: RunBinary",
      "        action: ExecuteBinary",
      "        inputs:",
      "          commands:",
      "            - path: /usr/bin/echo",
      "              args: hello",
    ].join("\n");
    const errors = errorsOf(validate(doc));

    expect(errors.map((e) => [e.message, e.line, e.column])).toEqual([
      ["Action ExecuteBinary requires the input 'path'", 8, 11],
    ]);
  });
});

describe("C16 step name with spaces", () => {
  const text = fixture("C16-step-name-with-spaces");

  it("is rejected with exactly one error, on the step name", () => {
    const result = validate(text);

    expect(errorsOf(result)).toEqual([
      {
        severity: "error",
        message:
          "Invalid step name 'Loading ssh keys' in phase 'build'. Allowed " +
          "characters are combinations of numbers [0-9], english letters " +
          "[a-z,A-Z] and special characters [-_]",
        path: "phases[0].steps[0].name",
        line: 6,
        column: 15,
      },
    ]);
    expect(result.issues.some((i) => i.message.includes(">"))).toBe(false);
  });

  // Policy: the optional authorized_keys lint is on, as a warning.
  it("warns that pre-snapshot cleanup removes authorized_keys", () => {
    expect(warningsOf(validate(text))).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("writes authorized_keys"),
        line: 11,
        column: 15,
      }),
    ]);
  });

  it("accepts the renamed control case Loading-ssh-keys", () => {
    const renamed = text.replace("Loading ssh keys", "Loading-ssh-keys");

    expect(errorsOf(validate(renamed))).toEqual([]);
    expect(validate(renamed).ok).toBe(true);
  });
});
