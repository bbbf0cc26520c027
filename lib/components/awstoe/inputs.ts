import type { YAMLMap } from "yaml";

import {
  COMPARISON_OPERATORS,
  type ActionModule,
  type InputSpec,
} from "./action-modules";
import type { StepModel } from "./steps";
import type { ComponentPlatform } from "./types";
import {
  type AnyNode,
  describeKind,
  getNode,
  getPair,
  isMap,
  isScalar,
  isSeq,
  isUnquotedReference,
  IssueSink,
  keyName,
  scalarText,
} from "./yaml-nodes";

const HAS_REFERENCE = /\{\{.*\}\}/s;
const REGISTRY_HIVES = [
  "HKLM:",
  "HKCU:",
  "HKCR:",
  "HKU:",
  "HKCC:",
  "HKEY_LOCAL_MACHINE",
  "HKEY_CURRENT_USER",
  "HKEY_CLASSES_ROOT",
  "HKEY_USERS",
  "HKEY_CURRENT_CONFIG",
];
const REGISTRY_ROOT = new RegExp(`^(${REGISTRY_HIVES.join("|")})`, "i");
const UNIX_ONLY_KEYS = ["owner", "group", "permissions"];

/** Checks a step's `inputs` against its action module (§7.4). */
export function checkInputs(
  step: StepModel,
  platform: ComponentPlatform,
  sink: IssueSink,
): void {
  const { module, action } = step;
  if (!module || !action) return;

  const pair = getPair(step.node, "inputs");
  const inputs = pair?.value;
  const path = `${step.path}.inputs`;
  if (inputs === undefined || inputs === null || isEmptyScalar(inputs)) {
    if (!module.inputsOptional) {
      sink.error(`Step '${step.name}' needs inputs for action ${action}`,
        path, pair?.key ?? step.node);
    }

    return;
  }

  if (module.shape === "map") {
    if (!isMap(inputs)) {
      const kind = describeKind(inputs);
      sink.error(`Action ${action} takes its inputs as a map, not ${kind}`,
        path, inputs);

      return;
    }
    checkOperation(action, module, inputs, path, platform, sink);

    return;
  }

  if (!isSeq(inputs) || inputs.items.length === 0) {
    sink.error(
      `Action ${action} takes its inputs as a non-empty list of maps, not ` +
        describeKind(inputs),
      path, inputs);

    return;
  }
  inputs.items.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (!isMap(item)) {
      sink.error(`Each ${action} input must be a map`, itemPath,
        item as AnyNode);

      return;
    }
    checkOperation(action, module, item, itemPath, platform, sink);
  });
}

function checkOperation(
  action: string,
  module: ActionModule,
  inputs: YAMLMap,
  path: string,
  platform: ComponentPlatform,
  sink: IssueSink,
): void {
  if (module.freeform) {
    checkAssert(inputs, path, sink);

    return;
  }

  for (const pair of inputs.items) {
    const key = keyName(pair);
    const spec = module.inputs[key];
    if (!spec) {
      sink.warn(`Unknown input '${key}' for action ${action} is ignored`,
        `${path}.${key}`, pair.key as AnyNode);
      continue;
    }
    checkValue(action, key, spec, pair.value as AnyNode, `${path}.${key}`,
      sink);
  }

  for (const [key, spec] of Object.entries(module.inputs)) {
    if (spec.required && getPair(inputs, key) === undefined) {
      sink.error(`Action ${action} requires the input '${key}'`,
        `${path}.${key}`, inputs);
    }
  }

  checkModuleRules(action, inputs, path, platform, sink);
}

function checkValue(
  action: string,
  key: string,
  spec: InputSpec,
  node: AnyNode,
  path: string,
  sink: IssueSink,
): void {
  const where = `Input '${key}' of ${action}`;
  if (isUnquotedReference(node)) return; // reported by the reference check
  if (node === null || node === undefined || isEmptyScalar(node)) {
    sink.error(`${where} needs a value`, path, node);

    return;
  }

  const text = scalarText(node);
  switch (spec.type) {
    case "string":
    case "scalar":
      if (text === undefined) {
        sink.error(`${where} must be a string, not ${describeKind(node)}`,
          path, node);
      }
      break;
    case "boolean":
      if (text === undefined || !isBooleanText(text)) {
        sink.error(`${where} must be true or false`, path, node);
      }
      break;
    case "integer":
      if (text === undefined || !/^-?\d+$|\{\{/.test(text)) {
        sink.error(`${where} must be an integer`, path, node);
      }
      break;
    case "stringList":
      if (!isSeq(node) || !node.items.every(isListScalar)) {
        sink.error(`${where} must be a list of strings`, path, node);
      }
      break;
    case "stringMap":
      if (!isMap(node)) {
        sink.error(`${where} must be a map`, path, node);
      }
      break;
    case "any":
      break;
  }

  if (spec.allowed && text !== undefined && !HAS_REFERENCE.test(text)) {
    const matches = spec.caseInsensitive
      ? spec.allowed.some((v) => v.toLowerCase() === text.toLowerCase())
      : spec.allowed.includes(text);
    if (!matches) {
      sink.error(`${where} must be one of ${spec.allowed.join(", ")}`, path,
        node);
    }
  }
}

function checkModuleRules(
  action: string,
  inputs: YAMLMap,
  path: string,
  platform: ComponentPlatform,
  sink: IssueSink,
): void {
  const text = (key: string) => scalarText(getNode(inputs, key));
  const has = (key: string) => getPair(inputs, key) !== undefined;

  if (action === "ExecutePowerShell" && has("commands") === has("file")) {
    sink.error("ExecutePowerShell needs exactly one of commands or file",
      path, inputs);
  }
  if (action === "WebDownload") {
    if (has("checksum") !== has("algorithm")) {
      sink.error("WebDownload needs checksum and algorithm together",
        path, inputs);
    }
    expectPrefix(text("source"), ["http://", "https://"], "source",
      `${path}.source`, getNode(inputs, "source"), sink);
  }
  if (action === "S3Download") {
    expectPrefix(text("source"), ["s3://"], "source", `${path}.source`,
      getNode(inputs, "source"), sink);
  }
  if (action === "S3Upload") {
    expectPrefix(text("destination"), ["s3://"], "destination",
      `${path}.destination`, getNode(inputs, "destination"), sink);
  }
  if (action === "SetRegistry") {
    const registryPath = text("path");
    if (registryPath && !HAS_REFERENCE.test(registryPath) &&
      !REGISTRY_ROOT.test(registryPath)) {
      sink.error(
        "SetRegistry path must start with a registry hive such as HKLM:",
        `${path}.path`, getNode(inputs, "path"));
    }
  }
  if (
    platform === "Windows" &&
    (action === "CreateFile" || action === "CreateFolder")
  ) {
    for (const key of UNIX_ONLY_KEYS) {
      const pair = getPair(inputs, key);
      if (pair) {
        sink.error(`${action} input '${key}' is not supported on Windows`,
          `${path}.${key}`, pair.key as AnyNode);
      }
    }
  }
}

function checkAssert(inputs: YAMLMap, path: string, sink: IssueSink): void {
  const operators: readonly string[] = COMPARISON_OPERATORS;
  const keys = inputs.items.map(keyName);
  if (!keys.some((key) => operators.includes(key))) {
    sink.error(
      "Assert needs a comparison operator such as stringEquals or " +
        "fileExists",
      path, inputs);
  }
}

function expectPrefix(
  value: string | undefined,
  prefixes: string[],
  key: string,
  path: string,
  node: AnyNode,
  sink: IssueSink,
): void {
  if (value === undefined || value.trimStart().startsWith("{{")) return;
  if (prefixes.some((prefix) => value.startsWith(prefix))) return;

  sink.error(`${key} must start with ${prefixes.join(" or ")}`, path, node);
}

function isBooleanText(text: string): boolean {
  return /^(true|false)$/i.test(text) || HAS_REFERENCE.test(text);
}

function isListScalar(item: unknown): boolean {
  return (
    (isScalar(item) && scalarText(item) !== undefined) ||
    isUnquotedReference(item as AnyNode)
  );
}

function isEmptyScalar(node: AnyNode): boolean {
  return isScalar(node) && node.value === null;
}
