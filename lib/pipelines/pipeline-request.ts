import type { Pipeline } from "../generated/prisma/client";

type PipelineFields = Pick<
  Pipeline,
  | "description"
  | "scheduleExpression"
  | "timezone"
  | "startCondition"
  | "testsEnabled"
  | "scanningEnabled"
  | "status"
>;

interface PipelineArns {
  imageRecipeArn: string;
  infrastructureConfigurationArn: string;
  distributionConfigurationArn: string;
}

/** The body of Create/UpdateImagePipeline for a pipeline row. */
export function pipelineRequest(pipeline: PipelineFields, arns: PipelineArns) {
  return {
    description: pipeline.description || undefined,
    ...arns,
    imageTestsConfiguration: {
      imageTestsEnabled: pipeline.testsEnabled,
      timeoutMinutes: 720,
    },
    imageScanningConfiguration: {
      imageScanningEnabled: pipeline.scanningEnabled,
    },
    enhancedImageMetadataEnabled: true,
    schedule: pipeline.scheduleExpression
      ? {
          scheduleExpression: pipeline.scheduleExpression,
          timezone: pipeline.timezone,
          pipelineExecutionStartCondition: pipeline.startCondition as
            | "EXPRESSION_MATCH_ONLY"
            | "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
        }
      : undefined,
    status: pipeline.status as "ENABLED" | "DISABLED",
  };
}
