import { parse } from "yaml";

import { invalidParameter } from "./errors";
import { isObject } from "./validation";
import type { Wire } from "./state-types";

export interface FailingStep {
  phase: string;
  step: string;
}

export interface DocumentFacts {
  type: "BUILD" | "TEST";
  parameters: Wire[];
  /** First step whose command is exactly `exit 1`, per stage. */
  buildFailure?: FailingStep;
  testFailure?: FailingStep;
}

const BUILD_PHASES = ["build", "validate"];
const SHELL_ACTIONS = ["ExecuteBash", "ExecutePowerShell"];

/** What the emulator needs from an AWSTOE document. */
export function readDocument(data: string): DocumentFacts {
  const document = parseDocument(data);
  const phases = Array.isArray(document.phases)
    ? document.phases.filter(isObject)
    : [];
  if (phases.length === 0) {
    throw invalidParameter("data", "The document must define phases.");
  }
  const names = phases.map((phase) => String(phase.name));
  const testOnly = names.every((name) => name === "test");

  return {
    type: testOnly ? "TEST" : "BUILD",
    parameters: readParameters(document.parameters),
    buildFailure: firstExitOne(phases, BUILD_PHASES),
    testFailure: firstExitOne(phases, ["test"]),
  };
}

function parseDocument(data: string): Wire {
  let document: unknown;
  try {
    document = parse(data);
  } catch (error) {
    throw invalidParameter(
      "data",
      `The document is not valid YAML: ${(error as Error).message}`,
    );
  }
  if (!isObject(document)) {
    throw invalidParameter("data", "The document must be a YAML map.");
  }

  return document;
}

function readParameters(raw: unknown): Wire[] {
  if (!Array.isArray(raw)) return [];

  return raw.filter(isObject).flatMap((entry) =>
    Object.entries(entry).map(([name, spec]) => {
      const details = isObject(spec) ? spec : {};
      const parameter: Wire = {
        name,
        type: typeof details.type === "string" ? details.type : "string",
      };
      if (details.default !== undefined) {
        parameter.defaultValue = toStrings(details.default);
      }
      if (typeof details.description === "string") {
        parameter.description = details.description;
      }

      return parameter;
    }),
  );
}

function toStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function firstExitOne(
  phases: Wire[],
  phaseNames: string[],
): FailingStep | undefined {
  for (const phase of phases) {
    if (!phaseNames.includes(String(phase.name))) continue;
    const steps = Array.isArray(phase.steps) ? phase.steps : [];
    for (const step of steps.filter(isObject)) {
      if (!SHELL_ACTIONS.includes(String(step.action))) continue;
      const inputs = isObject(step.inputs) ? step.inputs : {};
      const commands = Array.isArray(inputs.commands) ? inputs.commands : [];
      if (commands.some((command) => String(command).trim() === "exit 1")) {
        return { phase: String(phase.name), step: String(step.name) };
      }
    }
  }

  return undefined;
}
