import { describe, expect, it } from "vitest";

import { errorsOf, validate } from "./test-helpers";

function errorSpots(text: string) {
  return errorsOf(validate(text)).map((e) => [e.message, e.line, e.column]);
}

const doc = (...lines: string[]) =>
  ["schemaVersion: 1.0", ...lines, ""].join("\n");

const PARAMS = [
  "parameters:",
  "  - Greeting:",
  "      type: string",
  "      default: hello",
  "constants:",
  "  - Target:",
  "      type: string",
  "      value: world",
];

describe("{{ references }}", () => {
  it("resolves parameters, constants, SSM and imagebuilder references", () => {
    const text = doc(
      ...PARAMS,
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: Say",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - echo '{{ Greeting }} {{Target}}'",
      "            - echo '{{ aws:ssm:/golden/ami/owner }}'",
      "            - echo '{{ imagebuilder:buildDate }}'",
    );
    const result = validate(text);

    expect(errorsOf(result)).toEqual([]);
    expect(result.summary!.references.map((r) => [r.kind, r.resolvedValue]))
      .toEqual([
        ["parameter", "hello"],
        ["constant", "world"],
        ["ssm", undefined],
        ["imagebuilder", undefined],
      ]);
  });

  it("reports an unknown name at the reference itself", () => {
    const text = doc(
      ...PARAMS,
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: Say",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - echo '{{ greeting }}'",
    );

    expect(errorSpots(text)).toEqual([
      ["Unresolved reference '{{ greeting }}': no parameter or constant " +
        "named 'greeting'", 17, 21],
    ]);
  });

  it("requires references to sit in a quoted string", () => {
    const text = doc(
      ...PARAMS,
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: Make",
      "        action: CreateFolder",
      "        inputs:",
      "          - path: {{ Target }}",
    );

    expect(errorSpots(text)).toEqual([
      ["Reference {{ Target }} must be inside a quoted string: write " +
        "'{{ Target }}'", 16, 19],
    ]);
  });

  it("rejects chaining to the same or a later step", () => {
    const text = doc(
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: First",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - echo '{{ build.Second.outputs.stdout }}'",
      "      - name: Second",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - echo hi",
    );

    expect(errorSpots(text)).toEqual([
      ["Reference '{{ build.Second.outputs.stdout }}' must point to an " +
        "earlier step; 'build.Second' does not run before 'build.First'",
      9, 21],
    ]);
  });

  it("rejects chaining from build-stage phases into the test phase", () => {
    const text = doc(
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: Version",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - cat /etc/os-release",
      "  - name: test",
      "    steps:",
      "      - name: Check",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - echo '{{ build.Version.outputs.stdout }}'",
    );

    expect(errorSpots(text)).toEqual([
      ["Reference '{{ build.Version.outputs.stdout }}': Image Builder does " +
        "not allow chaining from build-stage phases (build, validate) into " +
        "the test phase", 16, 21],
    ]);
  });

  it("checks the inputs form of chaining against the target's shape", () => {
    const text = doc(
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: Fetch",
      "        action: WebDownload",
      "        inputs:",
      "          - source: https://example.com/a.sh",
      "            destination: /tmp/a.sh",
      "      - name: Run",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - bash '{{ build.Fetch.inputs.destination }}'",
      "            - bash '{{ build.Fetch.inputs[1].destination }}'",
      "            - bash '{{ build.Run.inputs.commands }}'",
    );

    expect(errorSpots(text)).toEqual([
      ["Reference '{{ build.Fetch.inputs.destination }}': WebDownload " +
        "inputs are a list; use inputs[0].destination", 14, 21],
      ["Reference '{{ build.Fetch.inputs[1].destination }}': step 'Fetch' " +
        "has no input [1].destination", 15, 21],
      ["Reference '{{ build.Run.inputs.commands }}' must point to an " +
        "earlier step; 'build.Run' does not run before 'build.Run'", 16, 21],
    ]);
  });

  it("allows loop variables only in a step that loops", () => {
    const text = doc(
      "phases:",
      "  - name: build",
      "    steps:",
      "      - name: NoLoop",
      "        action: ExecuteBash",
      "        inputs:",
      "          commands:",
      "            - echo '{{ loop.value }}'",
    );

    expect(errorSpots(text)).toEqual([
      ["Unresolved reference '{{ loop.value }}': step 'NoLoop' has no loop " +
        "named 'loop'", 9, 21],
    ]);
  });
});
