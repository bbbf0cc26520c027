import {
  compareVersions,
  isOwnArn,
  parseVersionedArn,
  resolveHighest,
} from "./arns";
import type { Lookup, OperationContext, OperationTable } from "./context";
import { EmulatorError, invalidParameter, notFound } from "./errors";
import { outputAmis, startImageBuild } from "./image-build";
import { OS_PROFILES } from "./advisories/os-profiles";
import { imageProgress, isTerminal } from "./lifecycle";
import { applyFilters } from "./list-filters";
import { imageBuilderPage } from "./pagination";
import { containerRecipesUnsupported } from "./recipes";
import type { ImageRecord, Wire } from "./state-types";
import { tagsOf } from "./tags";
import {
  compact,
  isObject,
  optionalBoolean,
  optionalString,
  optionalTags,
  requireMatch,
  requireString,
} from "./validation";
import { latestVersionReferences } from "./version-references";

const IMAGE_VERSION_ARN =
  /^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image\/[a-z0-9-_]+\/[0-9]+\.[0-9]+\.[0-9]+$/;

export const imageOperations: OperationTable = {
  CreateImage: { mutating: true, idempotent: true, run: createImage },
  GetImage: {
    mutating: false,
    run: (context) => {
      const arn = requireString(context.input, "imageBuildVersionArn");
      const record = findImage(context, arn);

      return {
        image: imageWire(context, record),
        latestVersionReferences: latestVersionReferences(
          context.state.images,
          record.name,
          record.version,
        ),
      };
    },
  },
  ListImages: { mutating: false, run: listImages },
  ListImageBuildVersions: {
    mutating: false,
    run: (context) => {
      const arn = requireString(context.input, "imageVersionArn");
      requireMatch(arn, "imageVersionArn", IMAGE_VERSION_ARN);
      const builds = context.state.images
        .filter((image) => image.arn.startsWith(`${arn}/`))
        .sort((a, b) => a.build - b.build);
      const filtered = applyFilters(builds, context.input, imageFields);
      const page = imageBuilderPage(filtered, context.input, "ListImageBuildVersions");

      return {
        imageSummaryList: page.items.map((i) => imageSummary(context, i)),
        nextToken: page.nextToken,
      };
    },
  },
  ListImagePackages: {
    mutating: false,
    run: (context) => {
      const arn = requireString(context.input, "imageBuildVersionArn");
      const record = findBuild(context, arn);
      const available =
        imageProgress(record, context.now, context.stepSeconds).status ===
        "AVAILABLE";
      const packages = available ? imagePackages(record) : [];
      const page = imageBuilderPage(packages, context.input, "ListImagePackages");

      return { imagePackageList: page.items, nextToken: page.nextToken };
    },
  },
  CancelImageCreation: {
    mutating: true,
    idempotent: true,
    run: (context) => {
      const arn = requireString(context.input, "imageBuildVersionArn");
      const record = findBuild(context, arn);
      const { status } = imageProgress(
        record,
        context.now,
        context.stepSeconds,
      );
      if (isTerminal(status)) {
        throw new EmulatorError(
          "ResourceInUseException",
          `The image '${arn}' cannot be cancelled because its status is ` +
            `'${status}'.`,
        );
      }
      record.cancelledAt = context.now.toISOString();

      return { clientToken: context.input.clientToken, imageBuildVersionArn: arn };
    },
  },
  DeleteImage: {
    mutating: true,
    run: (context) => {
      const arn = requireString(context.input, "imageBuildVersionArn");
      const record = findBuild(context, arn);
      const { status } = imageProgress(
        record,
        context.now,
        context.stepSeconds,
      );
      if (!isTerminal(status)) {
        throw new EmulatorError(
          "ResourceInUseException",
          `The image '${arn}' cannot be deleted while its status is ` +
            `'${status}'.`,
        );
      }
      const state = context.state;
      state.images = state.images.filter((image) => image !== record);
      delete state.tags[arn];

      return { imageBuildVersionArn: arn };
    },
  },
};

function createImage(context: OperationContext): Wire {
  const { input } = context;
  if (input.containerRecipeArn !== undefined) {
    throw containerRecipesUnsupported();
  }
  const record = startImageBuild(context, {
    imageRecipeArn: requireString(input, "imageRecipeArn"),
    infrastructureConfigurationArn: requireString(
      input,
      "infrastructureConfigurationArn",
    ),
    distributionConfigurationArn: optionalString(
      input,
      "distributionConfigurationArn",
    ),
    imageTestsConfiguration: objectMember(input, "imageTestsConfiguration"),
    imageScanningConfiguration: objectMember(
      input,
      "imageScanningConfiguration",
    ),
    enhancedImageMetadataEnabled: optionalBoolean(
      input,
      "enhancedImageMetadataEnabled",
    ),
    tags: optionalTags(input),
    buildType: "USER_INITIATED",
    extra: compact({
      executionRole: input.executionRole,
      workflows: input.workflows,
      loggingConfiguration: input.loggingConfiguration,
    }),
  });

  return {
    clientToken: input.clientToken,
    imageBuildVersionArn: record.arn,
    latestVersionReferences: latestVersionReferences(
      context.state.images,
      record.name,
      record.version,
    ),
  };
}

function listImages(context: OperationContext): Wire {
  const { input, state } = context;
  const owner = optionalString(input, "owner") ?? "Self";
  // LIMITATION: Amazon-managed and shared images are not modelled.
  const own = owner === "Self" ? state.images : [];
  const latestPerVersion = new Map<string, ImageRecord>();
  for (const image of own) {
    const key = `${image.name}/${image.version}`;
    const current = latestPerVersion.get(key);
    if (!current || current.build < image.build) {
      latestPerVersion.set(key, image);
    }
  }
  const sorted = [...latestPerVersion.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name) || compareVersions(b.version, a.version),
  );
  const byName = optionalBoolean(input, "byName") ?? false;
  const listed = byName
    ? sorted
    : sorted.filter((i, n) => n === 0 || sorted[n - 1].name !== i.name);
  const filtered = applyFilters(listed, input, imageFields);
  const page = imageBuilderPage(filtered, input, "ListImages");

  return {
    imageVersionList: page.items.map((image) => ({
      arn: image.arn.replace(/\/[0-9]+$/, ""),
      name: image.name,
      type: "AMI",
      version: image.version,
      platform: image.wire.platform,
      osVersion: image.wire.osVersion,
      owner: context.accountId,
      dateCreated: image.wire.dateCreated,
      buildType: image.wire.buildType,
      imageSource: image.wire.imageSource,
    })),
    nextToken: page.nextToken,
  };
}

const imageFields = {
  name: (image: ImageRecord) => image.name,
  osVersion: (image: ImageRecord) => String(image.wire.osVersion),
  platform: (image: ImageRecord) => String(image.wire.platform),
  type: () => "AMI",
  version: (image: ImageRecord) => image.version,
};

/** The full `Image` wire object with its state computed for now. */
export function imageWire(context: OperationContext, image: ImageRecord) {
  const progress = imageProgress(image, context.now, context.stepSeconds);
  const amis = progress.distributed ? outputAmis(image, context) : [];

  return compact({
    ...image.wire,
    state: compact({ status: progress.status, reason: progress.reason }),
    outputResources: { amis },
    scanState: progress.scanStatus
      ? { status: progress.scanStatus }
      : undefined,
    tags: tagsOf(context.state, image.arn),
  });
}

export function imageSummary(context: OperationContext, image: ImageRecord) {
  const wire = imageWire(context, image);
  const keys = [
    "arn", "name", "type", "version", "platform", "osVersion", "state",
    "dateCreated", "outputResources", "tags", "buildType", "imageSource",
  ];

  return {
    ...Object.fromEntries(keys.map((key) => [key, wire[key]])),
    owner: context.accountId,
  };
}

/** Resolves a build, version or wildcard image ARN to one build. */
export function findImage(lookup: Lookup, arn: string): ImageRecord {
  const reference = parseVersionedArn(arn, "imageBuildVersionArn", ["image"]);
  const found = isOwnArn(lookup, arn)
    ? resolveHighest(lookup.state.images, reference)
    : undefined;
  if (!found) throw notFound("Image", arn);

  return found;
}

function findBuild(lookup: Lookup, arn: string): ImageRecord {
  const reference = parseVersionedArn(arn, "imageBuildVersionArn", ["image"]);
  if (reference.build === undefined) {
    throw invalidParameter(
      "imageBuildVersionArn",
      "imageBuildVersionArn must include a build version.",
    );
  }

  return findImage(lookup, arn);
}

/**
 * The parent OS's packages (versions after an OS update where one ships a
 * fix) plus what the components install.
 * LIMITATION: the OS list holds only packages the advisory data knows,
 * and component-installed packages carry no version.
 */
function imagePackages(record: ImageRecord): Wire[] {
  const versions = new Map<string, string>();
  for (const advisory of OS_PROFILES[record.osKey].advisories) {
    for (const pkg of advisory.packages) {
      const version =
        record.osUpdated && pkg.fixed !== undefined ? pkg.fixed : pkg.installed;
      versions.set(pkg.name, version);
    }
  }
  const fromOs = [...versions].map(([packageName, packageVersion]) => ({
    packageName,
    packageVersion,
  }));
  const fromComponents = record.installedPackages
    .filter((name) => !versions.has(name))
    .map((packageName) => ({ packageName }));

  return [...fromOs, ...fromComponents].sort((a, b) =>
    a.packageName.localeCompare(b.packageName),
  );
}

function objectMember(input: Wire, key: string): Wire | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw invalidParameter(key, `${key} must be an object.`);

  return value;
}
