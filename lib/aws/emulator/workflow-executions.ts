import { createHash } from "node:crypto";

import type { OperationTable } from "./context";
import { findImage } from "./images";
import { buildStages, statusHistory, type ImageStatus } from "./lifecycle";
import { imageBuilderPage } from "./pagination";
import type { ImageRecord, Wire } from "./state-types";
import { compact, requireString } from "./validation";

interface WorkflowKind {
  type: "BUILD" | "TEST" | "DISTRIBUTION";
  stage: ImageStatus;
  arnPath: string;
  steps: number;
}

// The AWS-managed default workflows Image Builder runs for an AMI build.
const WORKFLOWS: WorkflowKind[] = [
  { type: "BUILD", stage: "BUILDING", arnPath: "build/build-image", steps: 7 },
  { type: "TEST", stage: "TESTING", arnPath: "test/test-image", steps: 4 },
  {
    type: "DISTRIBUTION",
    stage: "DISTRIBUTING",
    arnPath: "distribution/distribute-image",
    steps: 1,
  },
];

export const workflowOperations: OperationTable = {
  ListWorkflowExecutions: {
    mutating: false,
    run: (context) => {
      const arn = requireString(context.input, "imageBuildVersionArn");
      const image = findImage(context, arn);
      const executions = executionsOf(
        image,
        statusHistory(image, context.now, context.stepSeconds),
        context.region,
      );
      const page = imageBuilderPage(
        executions,
        context.input,
        "ListWorkflowExecutions",
      );

      return {
        workflowExecutions: page.items,
        imageBuildVersionArn: image.arn,
        nextToken: page.nextToken,
      };
    },
  },
};

/**
 * One execution per default workflow whose stage the build has reached.
 * LIMITATION: custom `workflows` on a recipe or pipeline are stored but
 * not run; the three default workflows stand in for them.
 */
function executionsOf(
  image: ImageRecord,
  history: ReturnType<typeof statusHistory>,
  region: string,
): Wire[] {
  const stages = buildStages(image);
  const last = history.at(-1);
  const ended = last?.status === "FAILED" || last?.status === "CANCELLED";

  return WORKFLOWS.filter((kind) => stages.includes(kind.stage)).flatMap(
    (kind) => {
      const index = history.findIndex((entry) => entry.status === kind.stage);
      if (index < 0) return [];
      const start = history[index];
      const next = history[index + 1];
      const status = executionStatus(next?.status, ended);
      const succeeded = stepsSucceeded(status, kind.steps);

      return [
        compact({
          workflowBuildVersionArn:
            `arn:aws:imagebuilder:${region}:aws:workflow/` +
            `${kind.arnPath}/1.0.0/1`,
          workflowExecutionId: executionId(image.arn, kind.type),
          type: kind.type,
          status,
          message: next?.reason,
          totalStepCount: kind.steps,
          totalStepsSucceeded: succeeded,
          totalStepsFailed: status === "FAILED" ? 1 : 0,
          totalStepsSkipped: 0,
          startTime: start.at.toISOString(),
          endTime: next?.at.toISOString(),
        }),
      ];
    },
  );
}

function stepsSucceeded(status: string, steps: number): number {
  if (status === "COMPLETED") return steps;

  return status === "FAILED" ? steps - 1 : 0;
}

function executionStatus(next: ImageStatus | undefined, ended: boolean) {
  if (next === undefined) return ended ? "CANCELLED" : "RUNNING";
  if (next === "FAILED") return "FAILED";
  if (next === "CANCELLED") return "CANCELLED";

  return "COMPLETED";
}

function executionId(imageArn: string, type: string): string {
  const hex = createHash("sha256").update(`${imageArn}|${type}`).digest("hex");

  return (
    `wf-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-` +
    `8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  );
}
