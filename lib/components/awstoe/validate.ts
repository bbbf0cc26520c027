import { LineCounter, parseDocument, type YAMLMap } from "yaml";

import { checkInputs } from "./inputs";
import { lintStep } from "./lints";
import { checkLoop } from "./loops";
import { readVariables } from "./parameters";
import { checkReferences } from "./references";
import { readPhases, type PhaseModel } from "./steps";
import type {
  DocumentSummary,
  ReferenceSummary,
  ValidateOptions,
  ValidationResult,
} from "./types";
import {
  type AnyNode,
  describeKind,
  getNode,
  getPair,
  isScalar,
  isMap,
  IssueSink,
  keyName,
  scalarText,
} from "./yaml-nodes";

export type {
  ComponentPlatform,
  DeclaredParameter,
  DocumentIssue,
  DocumentSummary,
  ValidationResult,
} from "./types";
export { validateParameterValues } from "./parameter-values";

/** Image Builder's limit for a document sent inline as `data`. */
export const MAX_DOCUMENT_CHARS = 16_000;
const TOP_LEVEL_KEYS = [
  "name",
  "description",
  "schemaVersion",
  "parameters",
  "constants",
  "phases",
];

/**
 * Validates an AWSTOE component document the way Image Builder and AWSTOE
 * would, plus portal lints. Pure: runs in the browser and on the server.
 */
export function validateComponentDocument(
  text: string,
  options: ValidateOptions,
): ValidationResult {
  const lineCounter = new LineCounter();
  const sink = new IssueSink(lineCounter);
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  checkSize(text, sink);

  for (const error of doc.errors) {
    sink.error(yamlMessage(error.message), "", error.pos[0]);
  }
  for (const warning of doc.warnings) {
    sink.warn(yamlMessage(warning.message), "", warning.pos[0]);
  }
  if (doc.errors.length > 0) return finish(sink);

  const root = doc.contents;
  if (!isMap(root)) {
    sink.error("The document must be a YAML map", "", root ?? 0);

    return finish(sink);
  }

  checkTopLevel(root, sink);
  const { parameters, constants } = readVariables(root, sink);
  const phases = readPhases(root, options.platform, sink);
  const references = checkSteps(phases, text, options, sink, {
    parameters: new Map(parameters.map((p) => [p.name, p.defaultValue])),
    constants: new Map(constants.map((c) => [c.name, c.value])),
  });

  const summary: DocumentSummary = {
    ...optionalText(root, "name"),
    ...optionalText(root, "description"),
    type: phases.length > 0 && phases.every((p) => p.name === "test")
      ? "TEST"
      : "BUILD",
    phases: phases.map(({ name, stage, steps }) => ({ name, stage, steps })),
    parameters,
    constants,
    reboots: phases.some((p) => p.steps.some((s) => s.action === "Reboot")),
    references,
  };

  return finish(sink, summary);
}

function checkSteps(
  phases: PhaseModel[],
  text: string,
  options: ValidateOptions,
  sink: IssueSink,
  variables: Pick<
    Parameters<typeof checkReferences>[1],
    "parameters" | "constants"
  >,
): ReferenceSummary[] {
  const scope = { text, phases, ...variables };
  const references: ReferenceSummary[] = [];

  for (const phase of phases) {
    phase.stepModels.forEach((step, index) => {
      checkInputs(step, options.platform, sink);
      const loop = checkLoop(step, sink);
      if (loop) phase.steps[index].loop = loop;
      references.push(...checkReferences(step, scope, sink));
      lintStep(step, options.region, sink);
    });
  }

  return references;
}

function checkSize(text: string, sink: IssueSink): void {
  const chars = Array.from(text);
  if (chars.length <= MAX_DOCUMENT_CHARS) return;

  const offset = chars.slice(0, MAX_DOCUMENT_CHARS).join("").length;
  sink.error(
    `The document has ${chars.length} characters; Image Builder accepts ` +
      `at most ${MAX_DOCUMENT_CHARS} inline (store larger ones in S3)`,
    "",
    offset,
  );
}

function checkTopLevel(root: YAMLMap, sink: IssueSink): void {
  for (const pair of root.items) {
    const key = keyName(pair);
    if (!TOP_LEVEL_KEYS.includes(key)) {
      sink.warn(`Unknown top-level key '${key}' is ignored`, key,
        pair.key as AnyNode);
    }
  }

  for (const key of ["name", "description"]) {
    const node = getNode(root, key);
    if (node === undefined) continue;

    const text = isScalar(node) ? scalarText(node) : undefined;
    if (text?.trim()) continue;

    // An empty value has no useful position of its own: point at the key.
    const empty = !node || (isScalar(node) && node.value === null);
    sink.error(`${key} must be text, not ${describeKind(node)}`, key,
      empty ? pairKey(root, key) : node);
  }

  const node = getNode(root, "schemaVersion");
  const version = scalarText(node);
  if (node === undefined) {
    sink.error("schemaVersion is required and must be 1.0", "schemaVersion",
      root);
  } else if (version !== "1.0") {
    sink.error(`schemaVersion must be 1.0, not '${version ?? ""}'`,
      "schemaVersion", node);
  }
}

function pairKey(root: YAMLMap, key: string): AnyNode {
  return getPair(root, key)?.key as AnyNode;
}

function optionalText(
  root: YAMLMap,
  key: "name" | "description",
): Partial<Record<typeof key, string>> {
  const value = scalarText(getNode(root, key));

  return value === undefined ? {} : { [key]: value };
}

function finish(
  sink: IssueSink,
  summary?: DocumentSummary,
): ValidationResult {
  const issues = [...sink.issues].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  const ok = !issues.some((issue) => issue.severity === "error");

  return summary ? { ok, issues, summary } : { ok, issues };
}

/** The parser's first line without its own position (the sink adds it). */
function yamlMessage(message: string): string {
  return message
    .split("\n")[0]
    .replace(/ at line \d+, column \d+:?$/, "")
    .replace(/:$/, "");
}
