import { describe, expect, it } from "vitest";

import { inspectorEventTime as eventTime } from "../aws/emulator/event-envelope";
import { envelopeSchema, parseEventTime } from "./envelope";
import { isAuthorized } from "./verify";

describe("event envelope", () => {
  it("parses Inspector's event timestamps", () => {
    expect(parseEventTime("Wed Sep 04 16:59:44.356 UTC 2024")?.toISOString()).toBe(
      "2024-09-04T16:59:44.356Z",
    );
    expect(parseEventTime("2025-01-02T03:30:00Z")?.toISOString()).toBe(
      "2025-01-02T03:30:00.000Z",
    );
    expect(parseEventTime("not a date")).toBeNull();
  });

  it("the emulator writes timestamps the portal reads back", () => {
    const seconds = Date.parse("2024-09-04T16:59:44.356Z") / 1000;

    expect(eventTime(seconds)).toBe("Wed Sep 04 16:59:44.356 UTC 2024");
    expect(parseEventTime(eventTime(seconds))?.getTime()).toBe(seconds * 1000);
  });

  it("needs an id and a detail", () => {
    expect(envelopeSchema.safeParse({ "detail-type": "x" }).success).toBe(false);
    expect(
      envelopeSchema.safeParse({
        id: "1",
        "detail-type": "x",
        source: "aws.imagebuilder",
        detail: {},
      }).success,
    ).toBe(true);
  });
});

describe("shared secret", () => {
  it("accepts only the exact secret, and nothing when unset", () => {
    expect(isAuthorized("s3cret", "s3cret")).toBe(true);
    expect(isAuthorized("s3cret ", "s3cret")).toBe(false);
    expect(isAuthorized(null, "s3cret")).toBe(false);
    expect(isAuthorized("", "")).toBe(false);
  });
});
