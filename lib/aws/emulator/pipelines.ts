import { arnName, resourceArn } from "./arns";
import { findConfiguration } from "./configurations";
import type { OperationContext, OperationTable } from "./context";
import { alreadyExists, invalidParameter } from "./errors";
import { imageSummary } from "./images";
import { applyFilters } from "./list-filters";
import { imageBuilderPage } from "./pagination";
import {
  buildFromPipeline,
  pipelineWire,
  resetRuntime,
} from "./pipeline-runtime";
import { containerRecipesUnsupported, findRecipe } from "./recipes";
import { readSchedule, scheduleWire } from "./schedule";
import type { ConfigurationRecord, Wire } from "./state-types";
import { setTags } from "./tags";
import {
  compact,
  optionalBoolean,
  optionalString,
  optionalTags,
  requireResourceName,
  requireString,
} from "./validation";

const STATUSES = ["ENABLED", "DISABLED"];

export const pipelineOperations: OperationTable = {
  CreateImagePipeline: {
    mutating: true,
    idempotent: true,
    run: (context) => {
      const { input, state } = context;
      const name = requireResourceName(input);
      const arn = resourceArn(context, "image-pipeline", arnName(name));
      if (state.pipelines.some((pipeline) => pipeline.arn === arn)) {
        throw alreadyExists("ImagePipeline", arn);
      }
      const body = readPipeline(context);
      const tags = optionalTags(input);
      const wire = { arn, name, ...body, dateCreated: context.now.toISOString() };
      const record: ConfigurationRecord = { arn, name, wire };
      resetRuntime(record, context.now);
      state.pipelines.push(record);
      setTags(state, arn, tags);

      return { clientToken: input.clientToken, imagePipelineArn: arn };
    },
  },
  UpdateImagePipeline: {
    mutating: true,
    idempotent: true,
    run: (context) => {
      const record = pipelineFor(context);
      record.wire = {
        arn: record.arn,
        name: record.name,
        ...readPipeline(context),
        dateCreated: record.wire.dateCreated,
        dateUpdated: context.now.toISOString(),
        dateLastRun: record.wire.dateLastRun,
      };
      resetRuntime(record, context.now);

      return {
        clientToken: context.input.clientToken,
        imagePipelineArn: record.arn,
      };
    },
  },
  GetImagePipeline: {
    mutating: false,
    run: (context) => ({
      imagePipeline: pipelineWire(context, pipelineFor(context)),
    }),
  },
  ListImagePipelines: {
    mutating: false,
    run: (context) => {
      const member = (key: string) => (record: ConfigurationRecord) =>
        record.wire[key] as string | undefined;
      const filtered = applyFilters(context.state.pipelines, context.input, {
        description: member("description"),
        distributionConfigurationArn: member("distributionConfigurationArn"),
        imageRecipeArn: member("imageRecipeArn"),
        infrastructureConfigurationArn: member(
          "infrastructureConfigurationArn",
        ),
        name: member("name"),
        status: member("status"),
      });
      const page = imageBuilderPage(filtered, context.input, "ListImagePipelines");

      return {
        imagePipelineList: page.items.map((record) =>
          pipelineWire(context, record),
        ),
        nextToken: page.nextToken,
      };
    },
  },
  DeleteImagePipeline: {
    mutating: true,
    run: (context) => {
      const record = pipelineFor(context);
      const state = context.state;
      state.pipelines = state.pipelines.filter((p) => p !== record);
      delete state.tags[record.arn];

      return { imagePipelineArn: record.arn };
    },
  },
  StartImagePipelineExecution: {
    mutating: true,
    idempotent: true,
    run: (context) => {
      const record = pipelineFor(context);
      const image = buildFromPipeline(
        context,
        record,
        "USER_INITIATED",
        optionalTags(context.input),
      );

      return {
        clientToken: context.input.clientToken,
        imageBuildVersionArn: image.arn,
      };
    },
  },
  ListImagePipelineImages: {
    mutating: false,
    run: (context) => {
      const record = pipelineFor(context);
      const images = context.state.images
        .filter((image) => image.wire.sourcePipelineArn === record.arn)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const filtered = applyFilters(images, context.input, {
        name: (image) => image.name,
        version: (image) => image.version,
      });
      const page = imageBuilderPage(
        filtered,
        context.input,
        "ListImagePipelineImages",
      );

      return {
        imageSummaryList: page.items.map((i) => imageSummary(context, i)),
        nextToken: page.nextToken,
      };
    },
  },
};

function pipelineFor(context: OperationContext): ConfigurationRecord {
  const arn = requireString(context.input, "imagePipelineArn");

  return findConfiguration(context, "pipelines", arn);
}

function readPipeline(context: OperationContext): Wire {
  const { input } = context;
  if (input.containerRecipeArn !== undefined) {
    throw containerRecipesUnsupported();
  }
  const recipe = findRecipe(context, requireString(input, "imageRecipeArn"));
  const infrastructureArn = requireString(
    input,
    "infrastructureConfigurationArn",
  );
  findConfiguration(context, "infrastructureConfigurations", infrastructureArn);
  const distributionArn = optionalString(input, "distributionConfigurationArn");
  if (distributionArn) {
    findConfiguration(context, "distributionConfigurations", distributionArn);
  }
  const schedule = readSchedule(input.schedule);
  const status = optionalString(input, "status") ?? "ENABLED";
  if (!STATUSES.includes(status)) {
    throw invalidParameter("status", "status must be ENABLED or DISABLED.");
  }

  return compact({
    description: optionalString(input, "description"),
    platform: recipe.wire.platform,
    enhancedImageMetadataEnabled:
      optionalBoolean(input, "enhancedImageMetadataEnabled") ?? true,
    imageRecipeArn: recipe.arn,
    infrastructureConfigurationArn: infrastructureArn,
    distributionConfigurationArn: distributionArn,
    imageTestsConfiguration: input.imageTestsConfiguration ?? {
      imageTestsEnabled: true,
      timeoutMinutes: 720,
    },
    schedule: schedule ? scheduleWire(schedule, input.schedule as Wire) : undefined,
    status,
    imageScanningConfiguration: input.imageScanningConfiguration,
    executionRole: input.executionRole,
    workflows: input.workflows,
    imageTags: input.imageTags,
    loggingConfiguration: input.loggingConfiguration,
  });
}
