import type { HttpHandlerOptions } from "@smithy/types";

import { EmulatorError } from "./errors";
import type { Service } from "./router";

export type FaultKind =
  /** HTTP 429 with the service's throttling error. */
  | "throttle"
  /** HTTP 500 ServiceException / InternalServerException. */
  | "server-error"
  /** HTTP 503 ServiceUnavailableException. */
  | "unavailable"
  /** The answer comes `latencyMs` late (default 100 ms). */
  | "latency"
  /** No answer until the SDK's request timeout (or `latencyMs`). */
  | "timeout"
  /** The connection resets before the request is processed. */
  | "drop"
  /** The request is processed and committed, then the connection resets
   * before the answer arrives (what makes retried creates dangerous). */
  | "drop-after-commit";

/**
 * FOR TESTS ONLY: faults are attached to a handler object by code holding
 * it; nothing on the HTTP side or in the product can reach this.
 */
export interface FaultSpec {
  /** Operation name, e.g. "ListFindings"; "*" for any. */
  operation: string;
  kind: FaultKind;
  /** How many matching requests are affected (default 1). */
  times?: number;
  latencyMs?: number;
}

export interface ActiveFault extends FaultSpec {
  remaining: number;
}

/** What the SDK passes a request handler besides the request. */
export type TransportOptions = HttpHandlerOptions;

const faults = new WeakMap<object, ActiveFault[]>();

export function injectFault(handler: object, spec: FaultSpec): void {
  const list = faults.get(handler) ?? [];
  list.push({ ...spec, remaining: spec.times ?? 1 });
  faults.set(handler, list);
}

export function clearFaults(handler: object): void {
  faults.delete(handler);
}

/** Takes (and uses up) the first fault matching the operation. */
export function takeFault(
  handler: object,
  operation: string,
): ActiveFault | undefined {
  const list = faults.get(handler) ?? [];
  const fault = list.find(
    (f) =>
      f.remaining > 0 && (f.operation === "*" || f.operation === operation),
  );
  if (fault) fault.remaining -= 1;

  return fault;
}

/** Acts out the part of a fault that happens before processing. */
export async function faultBefore(
  fault: ActiveFault | undefined,
  service: Service,
  transport: TransportOptions = {},
): Promise<void> {
  if (!fault) return;
  const inspector = service === "inspector2";

  switch (fault.kind) {
    case "latency":
      await sleep(fault.latencyMs ?? 100, transport.abortSignal);

      return;
    case "timeout":
      await sleep(
        fault.latencyMs ?? transport.requestTimeout ?? 1000,
        transport.abortSignal,
      );
      throw networkError("TimeoutError", "ETIMEDOUT", "Request timed out.");
    case "drop":
      throw connectionReset();
    case "throttle":
      throw new EmulatorError(
        inspector ? "ThrottlingException" : "CallRateLimitExceededException",
        "Rate exceeded (injected fault).",
      );
    case "server-error":
      throw new EmulatorError(
        inspector ? "InternalServerException" : "ServiceException",
        "Internal failure (injected fault).",
      );
    case "unavailable":
      throw new EmulatorError(
        "ServiceUnavailableException",
        "Service unavailable (injected fault).",
      );
    default:
  }
}

/** Acts out the part of a fault that happens after a commit. */
export function faultAfter(fault: ActiveFault | undefined): void {
  if (fault?.kind === "drop-after-commit") throw connectionReset();
}

function connectionReset(): Error {
  return networkError("Error", "ECONNRESET", "socket hang up");
}

function networkError(name: string, code: string, message: string): Error {
  const error = new Error(message) as Error & { code: string };
  error.name = name;
  error.code = code;

  return error;
}

function sleep(ms: number, abortSignal?: unknown): Promise<void> {
  // The SDK hands over a platform AbortSignal (an EventTarget).
  const signal = abortSignal as EventTarget | undefined;

  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener?.("abort", () => {
      clearTimeout(timer);
      const error = new Error("Request aborted");
      error.name = "AbortError";
      reject(error);
    });
  });
}
