import { EmulatorError } from "./errors";
import type { Service } from "./router";

/** FOR TESTS ONLY: reachable from code holding the handler, never HTTP. */
export interface FaultSpec {
  /** Operation name, e.g. "ListFindings"; "*" for any. */
  operation: string;
  kind: "throttle" | "server-error" | "latency";
  /** How many matching requests are affected (default 1). */
  times?: number;
  latencyMs?: number;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

const faults = new WeakMap<object, ActiveFault[]>();

export function injectFault(handler: object, spec: FaultSpec): void {
  const list = faults.get(handler) ?? [];
  list.push({ ...spec, remaining: spec.times ?? 1 });
  faults.set(handler, list);
}

export function clearFaults(handler: object): void {
  faults.delete(handler);
}

/** Applies (and uses up) the first fault matching the operation. */
export async function applyFault(
  handler: object,
  service: Service,
  operation: string,
): Promise<void> {
  const list = faults.get(handler) ?? [];
  const fault = list.find(
    (f) =>
      f.remaining > 0 && (f.operation === "*" || f.operation === operation),
  );
  if (!fault) return;
  fault.remaining -= 1;

  if (fault.kind === "latency") {
    await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 100));

    return;
  }
  const inspector = service === "inspector2";
  if (fault.kind === "throttle") {
    throw new EmulatorError(
      inspector ? "ThrottlingException" : "CallRateLimitExceededException",
      "Rate exceeded (injected fault).",
    );
  }
  throw new EmulatorError(
    inspector ? "InternalServerException" : "ServiceException",
    "Internal failure (injected fault).",
  );
}
