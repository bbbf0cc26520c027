import type { YAMLMap } from "yaml";

import type { DeclaredParameter, ParameterType } from "./types";
import {
  type AnyNode,
  describeKind,
  getNode,
  isMap,
  isScalar,
  isSeq,
  IssueSink,
  keyName,
  scalarText,
} from "./yaml-nodes";

const NAME_PATTERN = /^[A-Za-z0-9_-]{3,128}$/;
const PARAMETER_KEYS = ["type", "default", "description", "allowedValues"];
const TYPE_NAMES: Record<string, ParameterType> = {
  string: "string",
  integer: "integer",
  boolean: "boolean",
  stringlist: "stringList",
};

export interface DeclaredVariables {
  parameters: DeclaredParameter[];
  constants: { name: string; value: string }[];
}

/** Reads `parameters` and `constants`, reporting every rule of §7.1. */
export function readVariables(
  root: YAMLMap,
  sink: IssueSink,
): DeclaredVariables {
  const seen = new Set<string>();
  const parameters: DeclaredParameter[] = [];
  const constants: { name: string; value: string }[] = [];

  forEachEntry(root, "parameters", sink, seen, (name, body, path) => {
    const parameter = readParameter(name, body, path, sink);
    if (parameter) parameters.push(parameter);
  });

  forEachEntry(root, "constants", sink, seen, (name, body, path) => {
    const value = readConstant(body, path, sink);
    if (value !== undefined) constants.push({ name, value });
  });

  return { parameters, constants };
}

function forEachEntry(
  root: YAMLMap,
  section: "parameters" | "constants",
  sink: IssueSink,
  seen: Set<string>,
  visit: (name: string, body: YAMLMap, path: string) => void,
): void {
  const list = getNode(root, section);
  if (list === undefined || list === null) return;
  if (isScalar(list) && list.value === null) return;
  if (!isSeq(list)) {
    sink.error(`${section} must be a list of single-key maps`, section, list);

    return;
  }

  list.items.forEach((item, index) => {
    const path = `${section}[${index}]`;
    if (!isMap(item) || item.items.length !== 1) {
      sink.error(
        `Each entry in ${section} must be a map with exactly one key ` +
          "(the name)",
        path,
        item as AnyNode,
      );

      return;
    }

    const pair = item.items[0];
    const name = keyName(pair);
    const named = `${path}.${name}`;
    if (!NAME_PATTERN.test(name)) {
      sink.error(
        `Invalid name '${name}': use 3 to 128 characters from ` +
          "[A-Za-z0-9_-]",
        named,
        pair.key as AnyNode,
      );
    } else if (seen.has(name)) {
      sink.error(
        `Duplicate name '${name}': parameter and constant names must be ` +
          "unique across both",
        named,
        pair.key as AnyNode,
      );
    }
    seen.add(name);

    if (!isMap(pair.value)) {
      sink.error(`'${name}' must be a map with a type`, named, item);

      return;
    }

    visit(name, pair.value, named);
  });
}

function readParameter(
  name: string,
  body: YAMLMap,
  path: string,
  sink: IssueSink,
): DeclaredParameter | undefined {
  const typeText = checkType(body, path, sink);
  for (const pair of body.items) {
    if (!PARAMETER_KEYS.includes(keyName(pair))) {
      sink.warn(
        `Unknown parameter key '${keyName(pair)}' is ignored`,
        `${path}.${keyName(pair)}`,
        pair.key as AnyNode,
      );
    }
  }

  const defaultNode = getNode(body, "default");
  const defaultValue = optionalScalar(defaultNode, `${path}.default`, sink);
  const description = scalarText(getNode(body, "description"));
  const allowedValues = readAllowedValues(body, path, sink);
  if (
    allowedValues &&
    defaultValue !== undefined &&
    !allowedValues.includes(defaultValue)
  ) {
    sink.error(
      `Default '${defaultValue}' of '${name}' is not one of its ` +
        `allowedValues: ${allowedValues.join(", ")}`,
      `${path}.default`,
      defaultNode,
    );
  }

  return {
    name,
    type: TYPE_NAMES[(typeText ?? "string").toLowerCase()] ?? "string",
    ...(defaultValue !== undefined && { defaultValue }),
    ...(allowedValues && { allowedValues }),
    ...(description !== undefined && { description }),
    required: defaultValue === undefined,
  };
}

function readConstant(
  body: YAMLMap,
  path: string,
  sink: IssueSink,
): string | undefined {
  checkType(body, path, sink);
  const valueNode = getNode(body, "value");
  if (valueNode === undefined) {
    sink.error("A constant needs a value", `${path}.value`, body);

    return undefined;
  }

  return optionalScalar(valueNode, `${path}.value`, sink);
}

function checkType(
  body: YAMLMap,
  path: string,
  sink: IssueSink,
): string | undefined {
  const node = getNode(body, "type");
  const text = scalarText(node);
  if (text === undefined) {
    sink.error("type is required and must be 'string'", `${path}.type`, body);
  } else if (text !== "string") {
    // The API knows Integer/Boolean/StringList, but AWSTOE documents only
    // declare `string`; typed values come from SSM, not from the document.
    sink.error(
      `Unsupported type '${text}': AWSTOE documents declare type 'string'`,
      `${path}.type`,
      node,
    );
  }

  return text;
}

function optionalScalar(
  node: AnyNode,
  path: string,
  sink: IssueSink,
): string | undefined {
  if (node === undefined) return undefined;
  const text = scalarText(node);
  if (text === undefined) {
    sink.error(`Must be a string, not ${describeKind(node)}`, path, node);
  }

  return text;
}

function readAllowedValues(
  body: YAMLMap,
  path: string,
  sink: IssueSink,
): string[] | undefined {
  const node = getNode(body, "allowedValues");
  if (node === undefined) return undefined;
  if (!isSeq(node) || node.items.length === 0) {
    sink.error(
      "allowedValues must be a non-empty list of strings",
      `${path}.allowedValues`,
      node,
    );

    return undefined;
  }

  const values: string[] = [];
  node.items.forEach((item, index) => {
    const text = scalarText(item as AnyNode);
    if (text === undefined) {
      sink.error(
        "allowedValues entries must be strings",
        `${path}.allowedValues[${index}]`,
        item as AnyNode,
      );
    } else {
      values.push(text);
    }
  });

  return values;
}
