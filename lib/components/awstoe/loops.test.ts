import { describe, expect, it } from "vitest";

import { buildDoc, errorsOf, validate } from "./test-helpers";

const looped = (...loopLines: string[]) =>
  buildDoc(
    "      - name: Each",
    "        action: ExecuteBash",
    "        loop:",
    ...loopLines.map((line) => `          ${line}`),
    "        inputs:",
    "          commands:",
    "            - echo '{{ loop.value }}'",
  );

function errorSpots(text: string) {
  return errorsOf(validate(text)).map((e) => [e.message, e.line, e.column]);
}

describe("loops", () => {
  it("sizes a forEach map with a delimiter", () => {
    const result = validate(
      looped("forEach:", "  list: a;b;c", "  delimiter: ';'"),
    );

    expect(errorsOf(result)).toEqual([]);
    expect(result.summary!.phases[0].steps[0].loop).toEqual({
      kind: "forEach",
      iterations: 3,
    });
  });

  it("rejects an empty forEach list", () => {
    expect(errorSpots(looped("forEach: []"))).toEqual([
      ["Step 'Each' in phase 'build': loop.forEach list is empty", 9, 20],
    ]);
  });

  it("rejects a for loop that can never reach its end", () => {
    const text = looped("for:", "  start: 1", "  end: 5", "  updateBy: -1");

    expect(errorSpots(text)).toEqual([
      ["Step 'Each' in phase 'build': loop.for.updateBy -1 never reaches " +
        "end 5 from start 1", 12, 23],
    ]);
  });

  it("rejects non-integer bounds and a missing field", () => {
    const text = looped("for:", "  start: one", "  end: 5");

    expect(errorSpots(text)).toEqual([
      ["Step 'Each' in phase 'build': loop.for.updateBy is required", 10, 13],
      ["Step 'Each' in phase 'build': loop.for.start must be an integer",
        10, 20],
    ]);
  });

  it("needs exactly one of for and forEach", () => {
    const text = looped("name: Both", "forEach: [a]", "for:", "  start: 1",
      "  end: 2", "  updateBy: 1");

    expect(errorSpots(text)).toEqual([
      ["Step 'Each' in phase 'build': loop needs exactly one of for or " +
        "forEach", 9, 11],
    ]);
  });

  it("accepts the named loop variable and rejects another loop's name", () => {
    const named = looped("name: Files", "forEach: [a, b]");

    expect(errorSpots(named.replace("loop.value", "Files.index"))).toEqual([]);
    expect(errorSpots(named.replace("loop.value", "Other.value"))).toEqual([
      ["Unresolved reference '{{ Other.value }}': step 'Each' has no loop " +
        "named 'Other'", 13, 21],
    ]);
  });
});
