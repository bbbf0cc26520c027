import { EmulatorError } from "./errors";
import type { OperationContext, OperationTable } from "./context";
import type { EmulatorState, Wire } from "./state-types";
import { validateTagMap } from "./validation";

const TAGGABLE_ARN =
  /^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):(?:image-recipe|container-recipe|infrastructure-configuration|distribution-configuration|component|image|image-pipeline|lifecycle-policy|workflow\/(?:build|test|distribution))\/[a-z0-9-_]+(?:\/(?:(?:x|[0-9]+)\.(?:x|[0-9]+)\.(?:x|[0-9]+))(?:\/[0-9]+)?)?$/;

export function tagsOf(state: EmulatorState, arn: string): Wire {
  return { ...(state.tags[arn] ?? {}) };
}

export function setTags(
  state: EmulatorState,
  arn: string,
  tags: Record<string, string> | undefined,
): void {
  if (tags && Object.keys(tags).length > 0) state.tags[arn] = { ...tags };
}

export const tagOperations: OperationTable = {
  TagResource: {
    mutating: true,
    run: (context) => {
      const arn = existingArn(context);
      const tags = tagInput(context.input.tags);
      context.state.tags[arn] = { ...context.state.tags[arn], ...tags };

      return {};
    },
  },
  UntagResource: {
    mutating: true,
    run: (context) => {
      const arn = existingArn(context);
      const keys = ([] as unknown[]).concat(context.input.tagKeys ?? []);
      if (keys.length === 0) throw badTagInput("tagKeys is required.");
      const remaining = { ...context.state.tags[arn] };
      for (const key of keys) delete remaining[String(key)];
      context.state.tags[arn] = remaining;

      return {};
    },
  },
  ListTagsForResource: {
    mutating: false,
    run: (context) => ({ tags: tagsOf(context.state, existingArn(context)) }),
  },
};

function existingArn(context: OperationContext): string {
  const arn = context.pathArn ?? "";
  if (!TAGGABLE_ARN.test(arn)) {
    throw badTagInput(`The resource ARN '${arn}' is not valid.`);
  }
  if (!resourceExists(context.state, arn)) {
    throw new EmulatorError(
      "ResourceNotFoundException",
      `The resource with ARN '${arn}' does not exist.`,
    );
  }

  return arn;
}

function resourceExists(state: EmulatorState, arn: string): boolean {
  const collections = [
    state.components,
    state.recipes,
    state.infrastructureConfigurations,
    state.distributionConfigurations,
    state.pipelines,
    state.images,
  ];

  return collections.some((records) =>
    records.some((record: { arn: string }) => record.arn === arn),
  );
}

/** Tag operations report bad tags as InvalidParameterException. */
function tagInput(raw: unknown): Record<string, string> {
  try {
    return validateTagMap(raw, "tags");
  } catch (error) {
    throw badTagInput((error as Error).message);
  }
}

function badTagInput(message: string): EmulatorError {
  return new EmulatorError("InvalidParameterException", message);
}
