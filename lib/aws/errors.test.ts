import {
  CallRateLimitExceededException,
  ResourceNotFoundException,
  ServiceException,
} from "@aws-sdk/client-imagebuilder";
import { expect, test } from "vitest";

import { awsUserFacingError } from "./errors";

const meta = { $metadata: { requestId: "req-123", httpStatusCode: 400 } };

test("a rejected request keeps AWS's message and the request id", () => {
  const error = new ResourceNotFoundException({ message: "no recipe", ...meta });
  const mapped = awsUserFacingError(error, "starting the build");

  expect(mapped?.message).toBe(
    "AWS could not find a resource while starting the build: no recipe (AWS request id req-123)",
  );
  expect(mapped?.requestId).toBe("req-123");
});

test("throttling and server faults get generic, actionable text", () => {
  const throttled = new CallRateLimitExceededException({ message: "slow down", ...meta });
  const broken = new ServiceException({ message: "internal detail", ...meta });

  expect(awsUserFacingError(throttled, "x")?.message).toMatch(/throttling/);
  expect(awsUserFacingError(broken, "x")?.message).not.toMatch(/internal detail/);
});

test("network failures are recognised; other errors are not AWS's", () => {
  const refused = Object.assign(new Error("connect"), { code: "ECONNREFUSED" });

  expect(awsUserFacingError(refused, "x")?.message).toMatch(/Could not reach AWS/);
  expect(awsUserFacingError(new Error("bug"), "x")).toBeNull();
});

test("fixed-meaning errors, credentials and outages get their own text", () => {
  const mismatch = Object.assign(new Error("token reused"), {
    name: "IdempotentParameterMismatchException",
    ...meta,
  });
  const dependency = Object.assign(new Error("in use"), {
    name: "ResourceDependencyException",
    ...meta,
  });
  const expired = Object.assign(new Error("expired"), {
    name: "CredentialsProviderError",
  });
  const unavailable = Object.assign(new Error("down"), {
    name: "ServiceUnavailableException",
    ...meta,
  });

  expect(awsUserFacingError(mismatch, "building")?.message).toMatch(
    /same request token was already used with different settings/,
  );
  expect(awsUserFacingError(dependency, "deleting")?.message).toMatch(
    /other resources still depend on it/,
  );
  expect(awsUserFacingError(expired, "listing")?.message).toMatch(
    /credentials were not accepted/,
  );
  expect(awsUserFacingError(unavailable, "listing")?.message).toMatch(
    /AWS is having trouble while listing/,
  );
});

test("permission errors of both services say the identity is not allowed", () => {
  for (const name of ["ForbiddenException", "AccessDeniedException"]) {
    const error = Object.assign(new Error("denied"), { name, ...meta });

    expect(awsUserFacingError(error, "listing images")?.message).toMatch(
      /^The portal's AWS identity is not allowed to do this \(listing images\)/,
    );
  }
});
