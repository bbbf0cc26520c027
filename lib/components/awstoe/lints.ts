import { visit } from "yaml";

import type { StepModel } from "./steps";
import {
  type AnyNode,
  getNode,
  isMap,
  isScalar,
  IssueSink,
  scalarText,
} from "./yaml-nodes";

const COMPONENT_ARN_REGION = /^arn:aws[^:]*:imagebuilder:([^:]+):/;

/** Warnings only: things that run but rarely do what the author meant. */
export function lintStep(
  step: StepModel,
  region: string | undefined,
  sink: IssueSink,
): void {
  if (step.action === "Reboot") {
    const instance = step.stage === "test" ? "test" : "build";
    sink.warn(
      `Step '${step.name}' reboots the ${instance} instance; AWSTOE ` +
        "resumes with the next step after the restart",
      `${step.path}.action`,
      getNode(step.node, "action"),
    );
  }

  if (step.action === "ExecuteDocument" && region) {
    lintDocumentRegion(step, region, sink);
  }

  lintAuthorizedKeys(step, sink);
}

function lintDocumentRegion(
  step: StepModel,
  region: string,
  sink: IssueSink,
): void {
  const inputs = getNode(step.node, "inputs");
  const node = isMap(inputs) ? getNode(inputs, "document") : undefined;
  const arnRegion = COMPONENT_ARN_REGION.exec(scalarText(node) ?? "")?.[1];
  if (!arnRegion || arnRegion === region) return;

  sink.warn(
    `ExecuteDocument references a component in ${arnRegion}, but this ` +
      `component is in ${region}; the pinned document is cross-region`,
    `${step.path}.inputs.document`,
    node,
  );
}

function lintAuthorizedKeys(step: StepModel, sink: IssueSink): void {
  const inputs = getNode(step.node, "inputs");
  if (!inputs) return;

  let hit: AnyNode;
  visit(inputs, {
    Scalar(_key, node) {
      if (typeof node.value === "string" &&
        node.value.includes("authorized_keys")) {
        hit = node;

        return visit.BREAK;
      }

      return undefined;
    },
  });
  if (!isScalar(hit)) return;

  sink.warn(
    `Step '${step.name}' writes authorized_keys: Image Builder's ` +
      "pre-snapshot cleanup deletes it unless its skip marker file exists",
    `${step.path}.inputs`,
    hit,
  );
}
