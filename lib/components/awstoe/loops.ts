import type { YAMLMap } from "yaml";

import type { StepModel } from "./steps";
import type { StepLoopSummary } from "./types";
import {
  type AnyNode,
  getNode,
  getPair,
  isMap,
  isScalar,
  isSeq,
  IssueSink,
  keyName,
  scalarText,
} from "./yaml-nodes";

const LOOP_NAME = /^[A-Za-z0-9_-]+$/;
const FOR_FIELDS = ["start", "end", "updateBy"] as const;

/** Checks `loop` (§7.3, toe-looping-constructs) and sizes it when literal. */
export function checkLoop(
  step: StepModel,
  sink: IssueSink,
): StepLoopSummary | undefined {
  const node = getNode(step.node, "loop");
  if (node === undefined) return undefined;

  const path = `${step.path}.loop`;
  const where = `Step '${step.name}' in phase '${step.phase}'`;
  if (!isMap(node)) {
    sink.error(`${where}: loop must be a map`, path, node);

    return undefined;
  }

  const name = readLoopName(node, where, path, sink);
  for (const pair of node.items) {
    const key = keyName(pair);
    if (!["name", "for", "forEach"].includes(key)) {
      sink.warn(`${where}: unknown loop key '${key}' is ignored`,
        `${path}.${key}`, pair.key as AnyNode);
    }
  }

  const hasFor = getPair(node, "for") !== undefined;
  const hasForEach = getPair(node, "forEach") !== undefined;
  if (hasFor === hasForEach) {
    sink.error(`${where}: loop needs exactly one of for or forEach`, path,
      node);

    return undefined;
  }

  const iterations = hasFor
    ? checkFor(getNode(node, "for"), where, `${path}.for`, sink)
    : checkForEach(getNode(node, "forEach"), where, `${path}.forEach`, sink);

  return {
    ...(name !== undefined && { name }),
    kind: hasFor ? "for" : "forEach",
    ...(iterations !== undefined && { iterations }),
  };
}

export function loopName(step: StepModel): string | undefined {
  const loop = getNode(step.node, "loop");

  return isMap(loop) ? scalarText(getNode(loop, "name")) : undefined;
}

function readLoopName(
  loop: YAMLMap,
  where: string,
  path: string,
  sink: IssueSink,
): string | undefined {
  const node = getNode(loop, "name");
  if (node === undefined) return undefined;

  const name = scalarText(node);
  if (name === undefined || !LOOP_NAME.test(name) || name === "loop") {
    sink.error(
      `${where}: loop name must use [A-Za-z0-9_-] and must not be 'loop'`,
      `${path}.name`, node);

    return undefined;
  }

  return name;
}

function checkFor(
  node: AnyNode,
  where: string,
  path: string,
  sink: IssueSink,
): number | undefined {
  if (!isMap(node)) {
    sink.error(`${where}: loop.for must be a map of start, end, updateBy`,
      path, node);

    return undefined;
  }

  const values: Partial<Record<(typeof FOR_FIELDS)[number], number>> = {};
  for (const field of FOR_FIELDS) {
    const value = getNode(node, field);
    const text = scalarText(value);
    if (value === undefined) {
      sink.error(`${where}: loop.for.${field} is required`,
        `${path}.${field}`, node);
    } else if (text?.includes("{{")) {
      // References are resolved (and chaining rejected) by references.ts.
    } else if (
      !isScalar(value) ||
      typeof value.value !== "number" ||
      !Number.isInteger(value.value)
    ) {
      sink.error(`${where}: loop.for.${field} must be an integer`,
        `${path}.${field}`, value);
    } else {
      values[field] = value.value;
    }
  }

  const { start, end, updateBy } = values;
  if (updateBy === 0) {
    sink.error(`${where}: loop.for.updateBy must be a non-zero integer`,
      `${path}.updateBy`, getNode(node, "updateBy"));

    return undefined;
  }
  if (start === undefined || end === undefined || updateBy === undefined) {
    return undefined;
  }
  if (start !== end && Math.sign(end - start) !== Math.sign(updateBy)) {
    sink.error(
      `${where}: loop.for.updateBy ${updateBy} never reaches end ${end} ` +
        `from start ${start}`,
      `${path}.updateBy`, getNode(node, "updateBy"));

    return undefined;
  }

  return Math.floor((end - start) / updateBy) + 1;
}

function checkForEach(
  node: AnyNode,
  where: string,
  path: string,
  sink: IssueSink,
): number | undefined {
  if (isSeq(node)) {
    if (node.items.length === 0) {
      sink.error(`${where}: loop.forEach list is empty`, path, node);
    }

    return node.items.length;
  }
  if (isMap(node)) {
    const list = scalarText(getNode(node, "list"));
    if (list === undefined) {
      sink.error(`${where}: loop.forEach.list must be a string`,
        `${path}.list`, getNode(node, "list") ?? node);

      return undefined;
    }
    // LIMITATION: a missing delimiter is assumed to mean ",".
    const delimiter = scalarText(getNode(node, "delimiter")) ?? ",";
    if (list.includes("{{")) return undefined;

    return list.split(delimiter).length;
  }

  sink.error(
    `${where}: loop.forEach must be a list or a map with list and delimiter`,
    path, node);

  return undefined;
}
