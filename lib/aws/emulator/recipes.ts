import { arnName, isOwnArn, parseVersionedArn, resolveHighest, resourceArn } from "./arns";
import { BASE_IMAGES, findBaseImage } from "./base-images";
import { MANAGED_IMAGES, isManagedArn } from "./managed";
import { findComponent } from "./components";
import { imageProgress } from "./lifecycle";
import type { Lookup, OperationContext, OperationTable } from "./context";
import {
  EmulatorError,
  alreadyExists,
  dependencyError,
  invalidParameter,
  notFound,
} from "./errors";
import { applyFilters } from "./list-filters";
import { imageBuilderPage } from "./pagination";
import type { EmulatorState, RecipeRecord, Wire } from "./state-types";
import { setTags, tagsOf } from "./tags";
import {
  compact,
  isObject,
  optionalString,
  optionalTags,
  requireMatch,
  requireResourceName,
  requireSemanticVersion,
  requireString,
} from "./validation";
import { latestVersionReferences } from "./version-references";

const RECIPE_ARN =
  /^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):image-recipe\/[a-z0-9-_]+\/[0-9]+\.[0-9]+\.[0-9]+$/;

export const recipeOperations: OperationTable = {
  CreateImageRecipe: { mutating: true, idempotent: true, run: createRecipe },
  GetImageRecipe: {
    mutating: false,
    run: (context) => {
      const record = findRecipe(
        context,
        requireString(context.input, "imageRecipeArn"),
      );

      return {
        imageRecipe: recipeWire(context.state, record),
        latestVersionReferences: recipeReferences(context.state, record),
      };
    },
  },
  ListImageRecipes: {
    mutating: false,
    run: (context) => {
      const owner = optionalString(context.input, "owner") ?? "Self";
      const own = owner === "Self" ? context.state.recipes : [];
      const filtered = applyFilters(own, context.input, {
        name: (r) => r.name,
        parentImage: (r) => r.wire.parentImage as string,
        platform: (r) => r.wire.platform as string,
      });
      const page = imageBuilderPage(filtered, context.input, "ListImageRecipes");

      return {
        imageRecipeSummaryList: page.items.map((record) => ({
          arn: record.arn,
          name: record.name,
          platform: record.wire.platform,
          owner: record.wire.owner,
          parentImage: record.wire.parentImage,
          dateCreated: record.wire.dateCreated,
          tags: tagsOf(context.state, record.arn),
        })),
        nextToken: page.nextToken,
      };
    },
  },
  DeleteImageRecipe: {
    mutating: true,
    run: (context) => {
      const arn = requireString(context.input, "imageRecipeArn");
      const record = findRecipe(context, arn);
      const usedByPipeline = context.state.pipelines.some(
        (pipeline) => pipeline.wire.imageRecipeArn === arn,
      );
      if (usedByPipeline) throw dependencyError(arn);

      const state = context.state;
      state.recipes = state.recipes.filter((r) => r !== record);
      delete state.tags[arn];

      return { imageRecipeArn: arn };
    },
  },
};

function createRecipe(context: OperationContext): Wire {
  const { input, state } = context;
  const name = requireResourceName(input);
  const version = recipeVersion(state, name, input);
  const arn = resourceArn(context, "image-recipe", arnName(name), version);
  if (state.recipes.some((recipe) => recipe.arn === arn)) {
    throw alreadyExists("ImageRecipe", arn);
  }
  const parent = resolveParent(context, requireString(input, "parentImage"));
  const components = readComponents(context, parent.platform);
  const tags = optionalTags(input);

  const wire = compact({
    arn,
    type: "AMI",
    name,
    description: optionalString(input, "description"),
    platform: parent.platform,
    owner: context.accountId,
    version,
    components,
    parentImage: input.parentImage,
    blockDeviceMappings: input.blockDeviceMappings,
    dateCreated: context.now.toISOString(),
    workingDirectory: optionalString(input, "workingDirectory"),
    additionalInstanceConfiguration: input.additionalInstanceConfiguration,
    amiTags: input.amiTags,
  });
  const record: RecipeRecord = {
    arn,
    name,
    version,
    osKey: parent.osKey,
    osVersion: parent.osVersion,
    parentPackages: parent.packages,
    parentOsUpdated: parent.osUpdated,
    wire,
  };
  state.recipes.push(record);
  setTags(state, arn, tags);

  return {
    clientToken: input.clientToken,
    imageRecipeArn: arn,
    latestVersionReferences: recipeReferences(state, record),
  };
}

const AUTO_PATCH = /^([0-9]+)\.([0-9]+)\.x$/;

/**
 * `1.0.x` asks the service to assign the next patch of 1.0 (the Nov-2025
 * auto-versioning); any other wildcard is rejected for a new version.
 */
function recipeVersion(state: EmulatorState, name: string, input: Wire) {
  const requested = input.semanticVersion;
  const auto =
    typeof requested === "string" ? AUTO_PATCH.exec(requested) : null;
  if (!auto) return requireSemanticVersion(input);

  const [major, minor] = [Number(auto[1]), Number(auto[2])];
  const patches = state.recipes
    .filter((recipe) => arnName(recipe.name) === arnName(name))
    .map((recipe) => recipe.version.split(".").map(Number))
    .filter(([a, b]) => a === major && b === minor)
    .map(([, , patch]) => patch);
  const next = patches.length === 0 ? 0 : Math.max(...patches) + 1;

  return `${major}.${minor}.${next}`;
}

interface Parent {
  platform: string;
  osKey: RecipeRecord["osKey"];
  osVersion: string;
  packages: string[];
  osUpdated: boolean;
}

/** A known base AMI, or one of our own images (version/build/wildcard). */
function resolveParent(
  context: OperationContext,
  parentImage: string,
): Parent {
  const base = findBaseImage(parentImage) ?? managedParent(context, parentImage);
  if (base) {
    const { platform, osKey, osVersion } = base;

    return { platform, osKey, osVersion, packages: [], osUpdated: false };
  }
  if (!parentImage.startsWith("arn:")) {
    // LIMITATION: only the base AMIs in base-images.ts exist; any other
    // AMI id is treated as missing from the region.
    throw invalidParameter(
      "parentImage",
      `The AMI '${parentImage}' was not found in region '${context.region}'.`,
    );
  }
  const reference = parseVersionedArn(parentImage, "parentImage", ["image"]);
  const available = context.state.images.filter(
    (image) =>
      imageProgress(image, context.now, context.stepSeconds).status ===
      "AVAILABLE",
  );
  const image = isOwnArn(context, parentImage)
    ? resolveHighest(available, reference)
    : undefined;
  if (!image) throw notFound("Image", parentImage);
  const recipe = image.wire.imageRecipe as Wire;

  return {
    platform: String(recipe.platform),
    osKey: image.osKey,
    osVersion: String(image.wire.osVersion),
    packages: image.installedPackages,
    osUpdated: image.osUpdated,
  };
}

function readComponents(context: OperationContext, platform: string) {
  const raw = context.input.components;
  if (!Array.isArray(raw) || raw.length < 1) {
    throw invalidParameter("components", "At least one component is required.");
  }

  return raw.map((entry, index) => {
    const where = `components[${index}]`;
    if (!isObject(entry) || typeof entry.componentArn !== "string") {
      throw invalidParameter(where, "componentArn is required.");
    }
    const component = findComponent(
      context,
      entry.componentArn,
      `${where}.componentArn`,
    );
    if (component.wire.platform !== platform) {
      throw invalidParameter(
        `${where}.componentArn`,
        `The component platform '${component.wire.platform}' does not ` +
          `match the parent image platform '${platform}'.`,
      );
    }
    checkParameters(entry.parameters, component.wire, where);

    return compact({
      componentArn: entry.componentArn,
      parameters: entry.parameters,
    });
  });
}

function checkParameters(raw: unknown, component: Wire, where: string) {
  if (raw === undefined) return;
  const declared = ((component.parameters as Wire[] | undefined) ?? []).map(
    (parameter) => parameter.name,
  );
  const list = Array.isArray(raw) ? raw : [];
  for (const parameter of list) {
    const valid =
      isObject(parameter) &&
      typeof parameter.name === "string" &&
      Array.isArray(parameter.value);
    if (!valid || !declared.includes(parameter.name)) {
      const name = isObject(parameter) ? String(parameter.name) : "?";
      throw invalidParameter(
        `${where}.parameters`,
        `The parameter '${name}' is not declared by component ` +
          `'${component.name}'.`,
      );
    }
  }
}

function managedParent(context: OperationContext, parentImage: string) {
  if (!isManagedArn(context, parentImage)) return undefined;
  const reference = parseVersionedArn(parentImage, "parentImage", ["image"]);
  const osKey = MANAGED_IMAGES[reference.name];
  const base = BASE_IMAGES.find((image) => image.osKey === osKey);
  if (!base) throw notFound("Image", parentImage);

  return base;
}

export function findRecipe(lookup: Lookup, arn: string): RecipeRecord {
  requireMatch(arn, "imageRecipeArn", RECIPE_ARN);
  const record = lookup.state.recipes.find((recipe) => recipe.arn === arn);
  if (!record) throw notFound("ImageRecipe", arn);

  return record;
}

export function recipeWire(state: EmulatorState, record: RecipeRecord): Wire {
  return { ...record.wire, tags: tagsOf(state, record.arn) };
}

function recipeReferences(state: EmulatorState, record: RecipeRecord) {
  return latestVersionReferences(state.recipes, record.name, record.version);
}

export function containerRecipesUnsupported(): EmulatorError {
  // LIMITATION: container recipes (DOCKER images) are not modelled; the
  // portal only builds AMIs.
  return new EmulatorError(
    "InvalidRequestException",
    "Container recipes are not supported by the local emulator.",
  );
}
