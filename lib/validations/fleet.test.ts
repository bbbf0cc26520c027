import { describe, expect, test } from "vitest";

import { readExportFormat, readFleetParams } from "./fleet";

describe("fleet parameters", () => {
  test("days defaults to 30 and keeps a valid number", () => {
    expect(readFleetParams({}).params.days).toBe(30);
    expect(readFleetParams({ days: "" }).problems).toEqual([]);
    expect(readFleetParams({ days: "7" }).params.days).toBe(7);
    expect(readFleetParams({ days: ["90", "1"] }).params.days).toBe(90);
  });

  test("malformed days are reported and fall back to the default", () => {
    const cases = {
      abc: 'Days "abc": must be a number',
      "-5": 'Days "-5": is too small',
      "1e9": 'Days "1e9": is too large',
      "1.5": 'Days "1.5": must be a whole number',
      "\u0000": 'Days "\\u0000": must be a number',
    };
    for (const [days, message] of Object.entries(cases)) {
      const read = readFleetParams({ days });
      expect(read.problems).toEqual([message]);
      expect(read.params.days).toBe(30);
    }
  });

  test("format is csv or json; anything else is a problem", () => {
    expect(readExportFormat({ format: "json" })).toEqual({
      format: "json",
      problems: [],
    });
    expect(readExportFormat({})).toEqual({ format: "csv", problems: [] });
    expect(readExportFormat({ format: "xml" }).problems).toEqual([
      'Format "xml": must be one of csv, json',
    ]);
  });
});
