import type { YAMLMap } from "yaml";

import { ACTION_MODULES, type ActionModule } from "./action-modules";
import type { ComponentPlatform, PhaseSummary } from "./types";
import {
  type AnyNode,
  getNode,
  integerValue,
  isMap,
  isSeq,
  IssueSink,
  keyName,
  scalarText,
  stringValue,
} from "./yaml-nodes";

export const RUNNABLE_PHASES = ["build", "validate", "test"] as const;
const STEP_NAME = /^[A-Za-z0-9_-]+$/;
// LIMITATION: `if` conditions are scanned for references but their
// operator shape is not validated.
const STEP_KEYS = [
  "name",
  "action",
  "inputs",
  "onFailure",
  "timeoutSeconds",
  "maxAttempts",
  "if",
  "loop",
];
const ON_FAILURE = ["Abort", "Continue", "Ignore"];
const MAX_TIMEOUT_SECONDS = 43_200;
// AWSTOE documents no ceiling; ten retries already hides a broken step.
export const MAX_ATTEMPTS = 10;

export interface StepModel {
  phase: string;
  phaseIndex: number;
  stage: "build" | "test";
  index: number;
  name: string;
  action?: string;
  module?: ActionModule;
  node: YAMLMap;
  path: string;
}

export interface PhaseModel extends PhaseSummary {
  index: number;
  stepModels: StepModel[];
}

/** Checks the phase list and each step's own keys (not its inputs). */
export function readPhases(
  root: YAMLMap,
  platform: ComponentPlatform,
  sink: IssueSink,
): PhaseModel[] {
  const list = getNode(root, "phases");
  if (!isSeq(list) || list.items.length === 0) {
    sink.error("phases is required and must be a non-empty list", "phases",
      list ?? root);

    return [];
  }

  const phases: PhaseModel[] = [];
  const names = new Set<string>();
  list.items.forEach((item, index) => {
    const path = `phases[${index}]`;
    if (!isMap(item)) {
      sink.error("A phase must be a map with name and steps", path,
        item as AnyNode);

      return;
    }

    const nameNode = getNode(item, "name");
    const name = stringValue(nameNode);
    if (name === undefined) {
      sink.error("A phase needs a name", `${path}.name`, nameNode ?? item);

      return;
    }
    if (names.has(name)) {
      sink.error(`Duplicate phase name '${name}'`, `${path}.name`, nameNode);
    }
    names.add(name);
    if (!(RUNNABLE_PHASES as readonly string[]).includes(name)) {
      sink.error(
        `Phase '${name}' is not run by Image Builder: use build, validate ` +
          "or test",
        `${path}.name`,
        nameNode,
      );
    }

    const stage = name === "test" ? "test" : "build";
    const phase: PhaseModel = { name, stage, index, steps: [], stepModels: [] };
    readSteps(item, phase, path, platform, sink);
    phases.push(phase);
  });

  return phases;
}

function readSteps(
  phaseNode: YAMLMap,
  phase: PhaseModel,
  phasePath: string,
  platform: ComponentPlatform,
  sink: IssueSink,
): void {
  const steps = getNode(phaseNode, "steps");
  if (!isSeq(steps) || steps.items.length === 0) {
    sink.error(`Phase '${phase.name}' needs a non-empty list of steps`,
      `${phasePath}.steps`, steps ?? phaseNode);

    return;
  }

  const names = new Set<string>();
  steps.items.forEach((item, index) => {
    const path = `${phasePath}.steps[${index}]`;
    if (!isMap(item)) {
      sink.error("A step must be a map", path, item as AnyNode);

      return;
    }

    const name = checkStepName(item, phase.name, path, names, sink);
    const action = checkAction(item, path, platform, sink);
    checkStepKeys(item, path, sink);
    const settings = readSettings(item, action, path, sink);
    phase.steps.push({ name, action: action ?? "", ...settings });
    phase.stepModels.push({
      phase: phase.name,
      phaseIndex: phase.index,
      stage: phase.stage,
      index,
      name,
      action,
      module: action ? ACTION_MODULES[action] : undefined,
      node: item,
      path,
    });
  });
}

function checkStepName(
  step: YAMLMap,
  phase: string,
  path: string,
  names: Set<string>,
  sink: IssueSink,
): string {
  const node = getNode(step, "name");
  const name = scalarText(node);
  if (name === undefined) {
    sink.error("A step needs a name", `${path}.name`, node ?? step);

    return "";
  }
  if (!STEP_NAME.test(name)) {
    sink.error(
      `Invalid step name '${name}' in phase '${phase}'. Allowed characters ` +
        "are combinations of numbers [0-9], english letters [a-z,A-Z] and " +
        "special characters [-_]",
      `${path}.name`,
      node,
    );
  } else if (names.has(name)) {
    sink.error(`Duplicate step name '${name}' in phase '${phase}'`,
      `${path}.name`, node);
  }
  names.add(name);

  return name;
}

function checkAction(
  step: YAMLMap,
  path: string,
  platform: ComponentPlatform,
  sink: IssueSink,
): string | undefined {
  const node = getNode(step, "action");
  const action = stringValue(node);
  if (action === undefined) {
    sink.error("A step needs an action", `${path}.action`, node ?? step);

    return undefined;
  }

  const module = ACTION_MODULES[action];
  if (!module) {
    sink.error(`Unknown action '${action}'`, `${path}.action`, node);

    return undefined;
  }
  if (module.platforms && !module.platforms.includes(platform)) {
    sink.error(
      `Action ${action} is not available on ${platform} ` +
        `(only ${module.platforms.join(", ")})`,
      `${path}.action`,
      node,
    );
  }

  return action;
}

function checkStepKeys(step: YAMLMap, path: string, sink: IssueSink): void {
  for (const pair of step.items) {
    const key = keyName(pair);
    if (!STEP_KEYS.includes(key)) {
      sink.warn(`Unknown step key '${key}' is ignored`, `${path}.${key}`,
        pair.key as AnyNode);
    }
  }
}

function readSettings(
  step: YAMLMap,
  action: string | undefined,
  path: string,
  sink: IssueSink,
): { onFailure?: string; timeoutSeconds?: number; maxAttempts?: number } {
  const settings: {
    onFailure?: string;
    timeoutSeconds?: number;
    maxAttempts?: number;
  } = {};

  const onFailureNode = getNode(step, "onFailure");
  if (onFailureNode !== undefined) {
    const value = scalarText(onFailureNode);
    if (value === undefined || !ON_FAILURE.includes(value)) {
      sink.error("onFailure must be Abort, Continue or Ignore",
        `${path}.onFailure`, onFailureNode);
    } else {
      settings.onFailure = value;
    }
  }

  const timeoutNode = getNode(step, "timeoutSeconds");
  if (timeoutNode !== undefined) {
    const value = integerValue(timeoutNode);
    if (action === "Reboot") {
      sink.error("timeoutSeconds is not supported for the Reboot action",
        `${path}.timeoutSeconds`, timeoutNode);
    } else if (
      value === undefined ||
      (value !== -1 && (value < 1 || value > MAX_TIMEOUT_SECONDS))
    ) {
      sink.error(
        `timeoutSeconds must be an integer from 1 to ${MAX_TIMEOUT_SECONDS}` +
          ", or -1 for no timeout",
        `${path}.timeoutSeconds`,
        timeoutNode,
      );
    } else {
      settings.timeoutSeconds = value;
    }
  }

  const attemptsNode = getNode(step, "maxAttempts");
  if (attemptsNode !== undefined) {
    const value = integerValue(attemptsNode);
    if (value === undefined || value < 1 || value > MAX_ATTEMPTS) {
      sink.error(`maxAttempts must be an integer from 1 to ${MAX_ATTEMPTS}`,
        `${path}.maxAttempts`, attemptsNode);
    } else {
      settings.maxAttempts = value;
    }
  }

  return settings;
}
