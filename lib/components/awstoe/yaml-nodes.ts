import {
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from "yaml";

import type { DocumentIssue } from "./types";

export type AnyNode = Node | null | undefined;

/** Collects issues and turns node offsets into 1-based line/column. */
export class IssueSink {
  readonly issues: DocumentIssue[] = [];

  constructor(private readonly lineCounter: LineCounter) {}

  error(message: string, path: string, node: AnyNode | number): void {
    this.add("error", message, path, node);
  }

  warn(message: string, path: string, node: AnyNode | number): void {
    this.add("warning", message, path, node);
  }

  add(
    severity: DocumentIssue["severity"],
    message: string,
    path: string,
    node: AnyNode | number,
  ): void {
    const offset = typeof node === "number" ? node : (node?.range?.[0] ?? 0);
    const { line, col } = this.lineCounter.linePos(offset);

    this.issues.push({ severity, message, path, line, column: col });
  }
}

export function getPair(
  map: YAMLMap,
  key: string,
): Pair<Scalar, AnyNode> | undefined {
  return map.items.find(
    (pair) => isScalar(pair.key) && pair.key.value === key,
  ) as Pair<Scalar, AnyNode> | undefined;
}

export function getNode(map: YAMLMap, key: string): AnyNode {
  return getPair(map, key)?.value;
}

export function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : "";
}

/** Scalar text as written: `1.0` stays `1.0`, `" "` stays a space. */
export function scalarText(node: AnyNode): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) {
    return undefined;
  }
  if (typeof node.value === "string") return node.value;

  return node.source ?? String(node.value);
}

export function stringValue(node: AnyNode): string | undefined {
  return isScalar(node) && typeof node.value === "string"
    ? node.value
    : undefined;
}

export function integerValue(node: AnyNode): number | undefined {
  if (!isScalar(node) || typeof node.value !== "number") return undefined;

  return Number.isInteger(node.value) ? node.value : undefined;
}

/** `- {{ X }}` unquoted parses as a flow map whose key is a flow map. */
export function isUnquotedReference(node: AnyNode): boolean {
  return (
    isMap(node) &&
    node.flow === true &&
    node.items.length > 0 &&
    isMap(node.items[0].key)
  );
}

export function describeKind(node: AnyNode): string {
  if (isMap(node)) return "a map";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    if (node.value === null) return "empty";

    return `a ${typeof node.value}`;
  }

  return "empty";
}

export { isMap, isScalar, isSeq };
