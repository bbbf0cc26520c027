import { isPair, visit } from "yaml";

import { loopName } from "./loops";
import type { PhaseModel, StepModel } from "./steps";
import type { ReferenceSummary } from "./types";
import {
  type AnyNode,
  getNode,
  getPair,
  isMap,
  isScalar,
  isSeq,
  isUnquotedReference,
  IssueSink,
  scalarText,
} from "./yaml-nodes";

const REFERENCE = /\{\{(.*?)\}\}/gs;
const NAME = /^[A-Za-z0-9_-]+$/;
const PART = "([A-Za-z0-9_-]+)";
// phase.step.inputs[N].field | phase.step.inputs.field | ….outputs.field
const CHAIN = new RegExp(
  `^${PART}\\.${PART}\\.(inputs|outputs)(?:\\[(\\d+)\\])?\\.${PART}$`,
);
const LOOP_VARIABLE = /^([A-Za-z0-9_-]+)\.(index|value)$/;

export interface ReferenceScope {
  text: string;
  phases: PhaseModel[];
  parameters: Map<string, string | undefined>;
  constants: Map<string, string>;
}

interface Site {
  step: StepModel;
  node: AnyNode;
  path: string;
  inFor: boolean;
}

/** Resolves every `{{ }}` in a step's inputs, loop and condition (§7.5.7). */
export function checkReferences(
  step: StepModel,
  scope: ReferenceScope,
  sink: IssueSink,
): ReferenceSummary[] {
  const found: ReferenceSummary[] = [];
  for (const key of ["inputs", "loop", "if"]) {
    const node = getNode(step.node, key);
    if (node === undefined || node === null) continue;

    visit(node, (_key, child, ancestors) => {
      const path = `${step.path}.${key}${pathOf(ancestors, child)}`;
      const inFor = key === "loop" && ancestors.some(
        (a) => isPair(a) && scalarText(a.key as AnyNode) === "for");
      const site = { step, node: child as AnyNode, path, inFor };
      if (isUnquotedReference(child as AnyNode)) {
        reportUnquoted(site, sink);

        return visit.SKIP;
      }
      if (isScalar(child) && typeof child.value === "string") {
        found.push(...checkString(child.value, site, scope, sink));
      }

      return undefined;
    });
  }

  return found;
}

function pathOf(ancestors: readonly unknown[], child: unknown): string {
  const chain = [...ancestors, child];
  let path = "";
  chain.forEach((node, i) => {
    if (isPair(node)) path += `.${scalarText(node.key as AnyNode) ?? ""}`;
    if (isSeq(node)) path += `[${node.items.indexOf(chain[i + 1])}]`;
  });

  return path;
}

// An unquoted plain scalar such as `bash {{ X }}` is still a YAML string,
// so only the form YAML turns into a map (`- {{ X }}`) is an error.
function reportUnquoted(site: Site, sink: IssueSink): void {
  const node = site.node;
  const inner = isMap(node) ? node.items[0].key : undefined;
  const name = isMap(inner) ? scalarText(inner.items[0]?.key as AnyNode) : "";
  sink.error(
    `Reference {{ ${name} }} must be inside a quoted string: write ` +
      `'{{ ${name} }}'`,
    site.path, node);
}

function checkString(
  value: string,
  site: Site,
  scope: ReferenceScope,
  sink: IssueSink,
): ReferenceSummary[] {
  const found: ReferenceSummary[] = [];
  const range = site.node?.range;
  const source = range ? scope.text.slice(range[0], range[1]) : "";
  let searchFrom = 0;

  for (const match of value.matchAll(REFERENCE)) {
    const at = source.indexOf(match[0], searchFrom);
    if (at >= 0) searchFrom = at + match[0].length;
    const offset = range ? range[0] + Math.max(at, 0) : 0;
    const expression = match[1].trim();
    const result = resolve(expression, site, scope);
    if (typeof result === "string") {
      sink.error(result, site.path, offset);
    } else {
      found.push({ expression, path: site.path, ...result });
    }
  }

  return found;
}

type Resolved = Pick<ReferenceSummary, "kind" | "resolvedValue">;

function resolve(
  expression: string,
  site: Site,
  scope: ReferenceScope,
): Resolved | string {
  const unresolved = `Unresolved reference '{{ ${expression} }}'`;
  if (expression === "") return "Empty reference '{{ }}'";
  if (expression.startsWith("aws:ssm:")) return { kind: "ssm" };
  if (expression.startsWith("imagebuilder:")) return { kind: "imagebuilder" };

  if (NAME.test(expression)) {
    if (scope.constants.has(expression)) {
      const resolvedValue = scope.constants.get(expression);

      return { kind: "constant", resolvedValue };
    }
    if (scope.parameters.has(expression)) {
      const resolvedValue = scope.parameters.get(expression);

      return { kind: "parameter", ...(resolvedValue !== undefined &&
        { resolvedValue }) };
    }

    return `${unresolved}: no parameter or constant named '${expression}'`;
  }

  const loop = LOOP_VARIABLE.exec(expression);
  if (loop) {
    const own = loopName(site.step);
    const hasLoop = getNode(site.step.node, "loop") !== undefined;
    if (hasLoop && (loop[1] === "loop" || loop[1] === own)) {
      return { kind: "loop" };
    }

    return `${unresolved}: step '${site.step.name}' has no loop named ` +
      `'${loop[1]}'`;
  }

  const chain = CHAIN.exec(expression);
  if (!chain) return unresolved;
  if (site.inFor) {
    return `Step '${site.step.name}' in phase '${site.step.phase}': ` +
      "loop.for fields do not accept chaining expressions " +
      `('{{ ${expression} }}')`;
  }

  return resolveChain(chain, expression, site.step, scope);
}

function resolveChain(
  chain: RegExpExecArray,
  expression: string,
  from: StepModel,
  scope: ReferenceScope,
): Resolved | string {
  const [, phaseName, stepName, part, indexText, field] = chain;
  const prefix = `Reference '{{ ${expression} }}'`;
  const phase = scope.phases.find((p) => p.name === phaseName);
  const target = phase?.stepModels.find((s) => s.name === stepName);
  if (!phase || !target) {
    return `${prefix} points to no step '${stepName}' in phase ` +
      `'${phaseName}'`;
  }

  const later =
    target.phaseIndex > from.phaseIndex ||
    (target.phaseIndex === from.phaseIndex && target.index >= from.index);
  if (later) {
    return `${prefix} must point to an earlier step; '${phaseName}.` +
      `${stepName}' does not run before '${from.phase}.${from.name}'`;
  }
  if (from.stage === "test" && target.stage === "build") {
    return `${prefix}: Image Builder does not allow chaining from ` +
      "build-stage phases (build, validate) into the test phase";
  }

  const module = target.module;
  if (!module) return { kind: "chain" };
  if (part === "outputs") {
    if (indexText !== undefined || !module.outputs.includes(field)) {
      return `${prefix}: action ${target.action} of step '${stepName}' ` +
        `has no output '${field}'` +
        (module.outputs.length ? ` (it has ${module.outputs.join(", ")})` : "");
    }

    return { kind: "chain" };
  }

  return resolveInput(target, indexText, field, prefix);
}

function resolveInput(
  target: StepModel,
  indexText: string | undefined,
  field: string,
  prefix: string,
): Resolved | string {
  const inputs = getNode(target.node, "inputs");
  const isList = target.module?.shape === "list";
  if (isList && indexText === undefined) {
    return `${prefix}: ${target.action} inputs are a list; use ` +
      `inputs[0].${field}`;
  }
  if (!isList && indexText !== undefined) {
    return `${prefix}: ${target.action} inputs are a map; use ` +
      `inputs.${field}`;
  }

  const entry = isSeq(inputs) ? inputs.items[Number(indexText)] : inputs;
  if (!isMap(entry) || getPair(entry, field) === undefined) {
    return `${prefix}: step '${target.name}' has no input ` +
      `${isList ? `[${indexText}].` : ""}${field}`;
  }

  const resolvedValue = scalarText(getNode(entry, field));

  return { kind: "chain", ...(resolvedValue !== undefined &&
    { resolvedValue }) };
}
