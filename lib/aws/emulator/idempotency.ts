import { createHash } from "node:crypto";

import { EmulatorError, invalidParameter } from "./errors";
import type { EmulatorState, Wire } from "./state-types";
import { CLIENT_TOKEN } from "./validation";

// LIMITATION: tokens never expire and are scoped per operation; the
// service's expiry window is not documented.

/** Same operation + token + params → the stored response; else null. */
export function replayIfRepeated(
  state: EmulatorState,
  operation: string,
  input: Wire,
): Wire | null {
  const token = input.clientToken;
  if (token === undefined) {
    throw invalidParameter("clientToken", "clientToken is required.");
  }
  if (typeof token !== "string" || !CLIENT_TOKEN.test(token)) {
    throw invalidParameter(
      "clientToken",
      "clientToken must be 1 to 36 characters long.",
    );
  }
  const record = state.idempotency[`${operation}:${token}`];
  if (!record) return null;
  if (record.hash !== paramsHash(input)) {
    throw new EmulatorError(
      "IdempotentParameterMismatchException",
      `The client token '${token}' was already used with different ` +
        "request parameters.",
    );
  }

  return record.response;
}

export function remember(
  state: EmulatorState,
  operation: string,
  input: Wire,
  response: Wire,
): void {
  const token = input.clientToken;
  if (typeof token !== "string") return;

  state.idempotency[`${operation}:${token}`] = {
    hash: paramsHash(input),
    response,
  };
}

function paramsHash(input: Wire): string {
  const { clientToken: _ignored, ...params } = input;

  return createHash("sha256").update(stableJson(params)).digest("hex");
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Wire)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, member]) => `${JSON.stringify(key)}:${stableJson(member)}`);

    return `{${entries.join(",")}}`;
  }

  return JSON.stringify(value);
}
