import { createHash } from "node:crypto";

import {
  arnName,
  parseVersionedArn,
  resolveHighest,
  resourceArn,
} from "./arns";
import { readDocument } from "./component-document";
import { findComponent } from "./components";
import { configurationWire, findConfiguration } from "./configurations";
import type { OperationContext } from "./context";
import { imageProgress } from "./lifecycle";
import { packageEffects } from "./package-effects";
import { findRecipe, recipeWire } from "./recipes";
import type {
  FailurePlan,
  ImageRecord,
  RecipeRecord,
  Wire,
} from "./state-types";
import { setTags } from "./tags";
import { compact, isObject } from "./validation";

export interface BuildRequest {
  imageRecipeArn: string;
  infrastructureConfigurationArn: string;
  distributionConfigurationArn?: string;
  imageTestsConfiguration?: Wire;
  imageScanningConfiguration?: Wire;
  enhancedImageMetadataEnabled?: boolean;
  tags?: Record<string, string>;
  buildType: "USER_INITIATED" | "SCHEDULED";
  pipeline?: { arn: string; name: string };
  extra?: Wire;
}

/** Creates the next build of the recipe's image; returns its record. */
export function startImageBuild(
  context: OperationContext,
  request: BuildRequest,
): ImageRecord {
  const { state } = context;
  const recipe = findRecipe(context, request.imageRecipeArn);
  const infrastructure = findConfiguration(
    context,
    "infrastructureConfigurations",
    request.infrastructureConfigurationArn,
  );
  const distribution = request.distributionConfigurationArn
    ? findConfiguration(
        context,
        "distributionConfigurations",
        request.distributionConfigurationArn,
      )
    : undefined;
  const components = (recipe.wire.components as Wire[]).map((entry) =>
    findComponent(context, String(entry.componentArn)),
  );
  const tests = request.imageTestsConfiguration ?? {};
  const testsEnabled = tests.imageTestsEnabled !== false;
  const scanning = request.imageScanningConfiguration ?? {};
  const scanningEnabled = scanning.imageScanningEnabled !== false;

  const versionArn = resourceArn(
    context,
    "image",
    arnName(recipe.name),
    recipe.version,
  );
  const build = (state.imageBuildCounters[versionArn] ?? 0) + 1;
  state.imageBuildCounters[versionArn] = build;
  const arn = `${versionArn}/${build}`;
  const documents = components.map((c) => ({
    name: c.name,
    data: typeof c.wire.data === "string" ? c.wire.data : undefined,
  }));
  const effects = documents.map((doc) =>
    doc.data ? packageEffects(doc.data) : { installs: [], updatesOs: false },
  );
  const installed = new Set(recipe.parentPackages);
  effects.forEach((effect) => effect.installs.forEach((p) => installed.add(p)));

  const wire = compact({
    arn,
    type: "AMI",
    name: recipe.name,
    version: `${recipe.version}/${build}`,
    platform: recipe.wire.platform,
    enhancedImageMetadataEnabled: request.enhancedImageMetadataEnabled ?? true,
    osVersion: recipe.osVersion,
    imageRecipe: recipeWire(state, recipe),
    sourcePipelineName: request.pipeline?.name,
    sourcePipelineArn: request.pipeline?.arn,
    infrastructureConfiguration: configurationWire(state, infrastructure),
    distributionConfiguration: distribution
      ? configurationWire(state, distribution)
      : undefined,
    imageTestsConfiguration: {
      imageTestsEnabled: testsEnabled,
      timeoutMinutes: tests.timeoutMinutes ?? 720,
    },
    dateCreated: context.now.toISOString(),
    buildType: request.buildType,
    imageSource: "CUSTOM",
    imageScanningConfiguration: { imageScanningEnabled: scanningEnabled },
    ...request.extra,
  });
  const record: ImageRecord = {
    arn,
    name: recipe.name,
    recipeArn: recipe.arn,
    version: recipe.version,
    build,
    createdAt: context.now.toISOString(),
    osKey: recipe.osKey,
    testsEnabled,
    scanningEnabled,
    failure: planFailure(documents, testsEnabled),
    installedPackages: [...installed].sort(),
    osUpdated:
      recipe.parentOsUpdated || effects.some((effect) => effect.updatesOs),
    resolvedDependencies: currentDependencies(context, recipe),
    wire,
  };
  state.images.push(record);
  state.eventCursors[arn] = { statuses: 0, findings: false };
  setTags(state, arn, request.tags);

  return record;
}

/**
 * What the recipe selects right now: the component builds its (possibly
 * wildcard) ARNs resolve to, and the parent AMI or newest AVAILABLE image.
 * A scheduled run with the dependency-update condition compares these.
 */
export function currentDependencies(
  context: OperationContext,
  recipe: RecipeRecord,
): string[] {
  const components = (recipe.wire.components as Wire[]).map(
    (entry) => findComponent(context, String(entry.componentArn)).arn,
  );
  const parent = String(recipe.wire.parentImage);
  if (!parent.startsWith("arn:")) return [recipe.arn, parent, ...components];

  const available = context.state.images.filter(
    (image) =>
      imageProgress(image, context.now, context.stepSeconds).status ===
      "AVAILABLE",
  );
  const reference = parseVersionedArn(parent, "parentImage", ["image"]);
  const resolved = resolveHighest(available, reference);

  return [recipe.arn, resolved?.arn ?? parent, ...components];
}

/**
 * THE FAILURE RULE: a component step whose ExecuteBash/ExecutePowerShell
 * command list holds a command that is exactly `exit 1` fails the build.
 * In a `build` or `validate` phase the image goes FAILED when it would
 * leave BUILDING; in a `test` phase (tests enabled) when it would leave
 * TESTING. Components are checked in recipe order; build failures win.
 */
export function planFailure(
  documents: { name: string; data?: string }[],
  testsEnabled: boolean,
): FailurePlan | undefined {
  const facts = documents.map((doc) => ({
    name: doc.name,
    facts: doc.data ? readDocument(doc.data) : undefined,
  }));
  const reason = (step: string, component: string) =>
    `Step '${step}' of component '${component}' failed: exit status 1`;

  for (const { name, facts: doc } of facts) {
    if (doc?.buildFailure) {
      return { stage: "BUILDING", reason: reason(doc.buildFailure.step, name) };
    }
  }
  if (!testsEnabled) return undefined;
  for (const { name, facts: doc } of facts) {
    if (doc?.testFailure) {
      return { stage: "TESTING", reason: reason(doc.testFailure.step, name) };
    }
  }

  return undefined;
}

/** `ami-` + 17 hex digits derived from the image, region and account. */
export function amiIdFor(imageArn: string, region: string, account: string) {
  const digest = createHash("sha256")
    .update(`${imageArn}|${region}|${account}`)
    .digest("hex");

  return `ami-${digest.slice(0, 17)}`;
}

/** The EC2 instance Image Builder would have launched to test the image. */
export function instanceIdFor(imageArn: string): string {
  const digest = createHash("sha256").update(`instance|${imageArn}`).digest();

  return `i-${digest.toString("hex").slice(0, 17)}`;
}

/** One AMI per distribution region, plus one per target account. */
export function outputAmis(image: ImageRecord, context: OperationContext) {
  const distribution = image.wire.distributionConfiguration as Wire | undefined;
  const entries = distribution
    ? (distribution.distributions as Wire[])
    : [{ region: context.region }];
  const created = new Date(image.createdAt);

  return entries.flatMap((entry) => {
    const region = String(entry.region);
    const ami = isObject(entry.amiDistributionConfiguration)
      ? entry.amiDistributionConfiguration
      : {};
    const name = amiName(ami.name, image, created);
    const accounts = [
      context.accountId,
      ...((ami.targetAccountIds as string[] | undefined) ?? []),
    ];

    return accounts.map((accountId) =>
      compact({
        region,
        image: amiIdFor(image.arn, region, accountId),
        name,
        description: ami.description,
        state: { status: "AVAILABLE" },
        accountId,
      }),
    );
  });
}

function amiName(template: unknown, image: ImageRecord, created: Date) {
  const buildDate = created.toISOString().replace(/:/g, "-");
  if (typeof template !== "string") return `${image.name} ${buildDate}`;

  return template
    .replace(/\{\{\s*imagebuilder:buildDate\s*\}\}/g, buildDate)
    .replace(/\{\{\s*imagebuilder:buildVersion\s*\}\}/g, String(image.build));
}
