import type { Scope } from "./arns";
import type { EmulatorState, Wire } from "./state-types";

/** Where a lookup happens: the emulator's scope and its state. */
export interface Lookup extends Scope {
  state: EmulatorState;
}

export interface OperationContext extends Scope {
  input: Wire;
  /** Percent-decoded path label, for the `/tags/{resourceArn}` routes. */
  pathArn?: string;
  state: EmulatorState;
  now: Date;
  stepSeconds: number;
}

export interface Operation {
  /** Mutating operations run under the state mutex and persist. */
  mutating: boolean;
  /** Replays the stored response for a repeated clientToken. */
  idempotent?: boolean;
  run: (context: OperationContext) => Wire;
}

export type OperationTable = Record<string, Operation>;
