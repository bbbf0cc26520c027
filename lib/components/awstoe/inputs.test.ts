import { describe, expect, it } from "vitest";

import { buildDoc, errorsOf, validate } from "./test-helpers";

function errorSpots(text: string, platform: "Linux" | "Windows" = "Linux") {
  return errorsOf(validate(text, platform)).map((e) => [
    e.message,
    e.line,
    e.column,
  ]);
}

const step = (action: string, ...inputs: string[]) =>
  buildDoc(
    "      - name: Step1",
    `        action: ${action}`,
    "        inputs:",
    ...inputs.map((line) => `          ${line}`),
  );

describe("action inputs", () => {
  it("requires inputs unless the module has none required", () => {
    const name = "      - name: Step1";
    const missing = buildDoc(name, "        action: ExecuteBash");
    const updateOs = buildDoc(name, "        action: UpdateOS");

    expect(errorSpots(missing)).toEqual([
      ["Step 'Step1' needs inputs for action ExecuteBash", 6, 9],
    ]);
    expect(errorSpots(updateOs)).toEqual([]);
  });

  it("reports a missing required input on the input map", () => {
    const text = step("S3Download", "- source: s3://bucket/key");

    expect(errorSpots(text)).toEqual([
      ["Action S3Download requires the input 'destination'", 9, 13],
    ]);
  });

  it("rejects a list where the module takes a map", () => {
    const text = step("ExecuteBash", "- commands:", "    - echo hi");

    expect(errorSpots(text)).toEqual([
      ["Action ExecuteBash takes its inputs as a map, not a list", 9, 11],
    ]);
  });

  it("rejects a map where the module takes a list", () => {
    const text = step("CreateFile", "path: /tmp/a", "content: hi");

    expect(errorSpots(text)).toEqual([
      ["Action CreateFile takes its inputs as a non-empty list of maps, " +
        "not a map", 9, 11],
    ]);
  });

  it("checks input types", () => {
    const text = step(
      "CreateFile",
      "- path: /tmp/a",
      "  overwrite: maybe",
    );
    const commands = step("ExecuteBash", "commands: echo hi");

    expect(errorSpots(text)).toEqual([
      ["Input 'overwrite' of CreateFile must be true or false", 10, 24],
    ]);
    expect(errorSpots(commands)).toEqual([
      ["Input 'commands' of ExecuteBash must be a list of strings", 9, 21],
    ]);
  });

  it("checks enumerated inputs", () => {
    const text = step(
      "SetRegistry",
      "- path: 'HKLM:\\SOFTWARE\\Example'",
      "  name: Enabled",
      "  value: 1",
      "  type: WORD",
    );

    expect(errorSpots(text, "Windows")).toEqual([
      ["Input 'type' of SetRegistry must be one of BINARY, DWORD, QWORD, " +
        "SZ, EXPAND_SZ, MULTI_SZ", 12, 19],
    ]);
  });

  it("needs exactly one of commands or file for ExecutePowerShell", () => {
    const text = step(
      "ExecutePowerShell",
      "file: C:\\scripts\\a.ps1",
      "commands:",
      "  - Write-Host hi",
    );

    expect(errorSpots(text, "Windows")).toEqual([
      ["ExecutePowerShell needs exactly one of commands or file", 9, 11],
    ]);
  });

  it("pairs WebDownload checksum with algorithm and wants an http URL", () => {
    const text = step(
      "WebDownload",
      "- source: ftp://example.com/a.tgz",
      "  destination: /tmp/",
      "  checksum: abc123",
    );

    expect(errorSpots(text)).toEqual([
      ["WebDownload needs checksum and algorithm together", 9, 13],
      ["source must start with http:// or https://", 9, 21],
    ]);
  });

  it("wants s3:// for S3Download sources", () => {
    const text = step(
      "S3Download",
      "- source: bucket/key",
      "  destination: /tmp/key",
    );

    expect(errorSpots(text)).toEqual([
      ["source must start with s3://", 9, 21],
    ]);
  });

  it("keeps Windows-only and Linux-only actions on their platform", () => {
    const bashOnWindows = step("ExecuteBash", "commands:", "  - echo hi");
    const registryOnLinux = step(
      "SetRegistry",
      "- path: 'HKLM:\\SOFTWARE\\Example'",
      "  name: Enabled",
      "  value: 1",
      "  type: DWORD",
    );
    const symlinkOnWindows = step("CreateSymlink",
      "- path: C:\\a", "  target: C:\\b");

    expect(errorSpots(bashOnWindows, "Windows")).toEqual([
      ["Action ExecuteBash is not available on Windows (only Linux, macOS)",
        7, 17],
    ]);
    expect(errorSpots(registryOnLinux)).toEqual([
      ["Action SetRegistry is not available on Linux (only Windows)", 7, 17],
    ]);
    expect(errorSpots(symlinkOnWindows, "Windows")).toEqual([
      ["Action CreateSymlink is not available on Windows (only Linux, " +
        "macOS)", 7, 17],
    ]);
  });

  it("rejects owner, group and permissions on Windows CreateFile", () => {
    const text = step(
      "CreateFile",
      "- path: C:\\a.txt",
      "  owner: Administrator",
      "  permissions: '0644'",
    );

    expect(errorSpots(text, "Windows")).toEqual([
      ["CreateFile input 'owner' is not supported on Windows", 10, 13],
      ["CreateFile input 'permissions' is not supported on Windows", 11, 13],
    ]);
    expect(errorSpots(text.replaceAll("C:\\", "/tmp/"))).toEqual([]);
  });

  it("needs a comparison operator in Assert", () => {
    const text = step("Assert", "value: x");

    expect(errorSpots(text)).toEqual([
      ["Assert needs a comparison operator such as stringEquals or " +
        "fileExists", 9, 11],
    ]);
  });
});
