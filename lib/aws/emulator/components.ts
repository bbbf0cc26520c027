import {
  arnName,
  compareVersions,
  isOwnArn,
  parseVersionedArn,
  resolveHighest,
  resourceArn,
} from "./arns";
import { readDocument } from "./component-document";
import { isManagedArn, managedComponents } from "./managed";
import type { Lookup, OperationContext, OperationTable } from "./context";
import { EmulatorError, dependencyError, invalidParameter, notFound } from "./errors";
import { applyFilters } from "./list-filters";
import { imageBuilderPage } from "./pagination";
import type { ComponentRecord, EmulatorState, Wire } from "./state-types";
import { setTags, tagsOf } from "./tags";
import {
  compact,
  optionalArray,
  optionalBoolean,
  optionalString,
  optionalTags,
  requireMatch,
  requireResourceName,
  requireSemanticVersion,
  requireString,
} from "./validation";
import { latestVersionReferences } from "./version-references";

const PLATFORMS = ["Linux", "Windows", "macOS"];
const OWNERS = ["Self", "Shared", "Amazon", "ThirdParty", "AWSMarketplace"];
const VERSION_ARN =
  /^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):component\/[a-z0-9-_]+\/[0-9]+\.[0-9]+\.[0-9]+$/;

export const componentOperations: OperationTable = {
  CreateComponent: { mutating: true, idempotent: true, run: createComponent },
  GetComponent: {
    mutating: false,
    run: (context) => {
      const record = findComponent(
        context,
        requireString(context.input, "componentBuildVersionArn"),
      );

      return {
        component: componentWire(context.state, record),
        latestVersionReferences: componentReferences(context.state, record),
      };
    },
  },
  ListComponents: { mutating: false, run: listComponents },
  ListComponentBuildVersions: {
    mutating: false,
    run: (context) => {
      const arn = requireString(context.input, "componentVersionArn");
      requireMatch(arn, "componentVersionArn", VERSION_ARN);
      const builds = context.state.components
        .filter((record) => versionArnOf(record.arn) === arn)
        .sort((a, b) => a.build - b.build);
      const page = imageBuilderPage(
        builds,
        context.input,
        "ListComponentBuildVersions",
      );

      return {
        componentSummaryList: page.items.map((record) =>
          componentSummary(context.state, record),
        ),
        nextToken: page.nextToken,
      };
    },
  },
  DeleteComponent: {
    mutating: true,
    run: (context) => {
      const arn = requireString(context.input, "componentBuildVersionArn");
      const reference = parseVersionedArn(arn, "componentBuildVersionArn", [
        "component",
      ]);
      const record = context.state.components.find((c) => c.arn === arn);
      if (reference.build === undefined || !record) {
        throw notFound("Component", arn);
      }
      if (isUsedByRecipe(context, record)) throw dependencyError(arn);

      const state = context.state;
      state.components = state.components.filter((c) => c !== record);
      delete state.tags[arn];

      return { componentBuildVersionArn: arn };
    },
  },
};

function createComponent(context: OperationContext): Wire {
  const { input, state } = context;
  const name = requireResourceName(input);
  const version = requireSemanticVersion(input);
  const platform = requireString(input, "platform");
  if (!PLATFORMS.includes(platform)) {
    throw invalidParameter(
      "platform",
      `platform must be one of ${PLATFORMS.join(", ")}.`,
    );
  }
  const data = optionalString(input, "data", 16000);
  const uri = optionalString(input, "uri");
  if ((data === undefined) === (uri === undefined)) {
    throw new EmulatorError(
      "InvalidParameterCombinationException",
      "You must specify exactly one of the parameters 'data' or 'uri'.",
    );
  }
  // LIMITATION: documents given by `uri` are not fetched (there is no S3),
  // so such a component has no parameters and installs nothing.
  const facts = data === undefined ? undefined : readDocument(data);
  const supportedOsVersions = readOsVersions(input);
  const tags = optionalTags(input);
  if (optionalBoolean(input, "dryRun")) {
    throw new EmulatorError(
      "DryRunOperationException",
      "The request would have succeeded, but the dryRun flag is set.",
    );
  }

  // Since Nov 2025 a repeated name + version creates the next build.
  const build = 1 + Math.max(0, ...sameVersion(state, name, version));
  const arn = resourceArn(context, "component", arnName(name), version, build);
  const wire = compact({
    arn,
    name,
    version,
    description: optionalString(input, "description"),
    changeDescription: optionalString(input, "changeDescription"),
    type: facts?.type ?? "BUILD",
    platform,
    supportedOsVersions,
    state: { status: "ACTIVE" },
    parameters: facts?.parameters.length ? facts.parameters : undefined,
    owner: context.accountId,
    data,
    kmsKeyId: optionalString(input, "kmsKeyId"),
    encrypted: true,
    dateCreated: context.now.toISOString(),
    obfuscate: false,
  });
  const record = { arn, name, version, build, wire };
  state.components.push(record);
  setTags(state, arn, tags);

  return {
    clientToken: input.clientToken,
    componentBuildVersionArn: arn,
    latestVersionReferences: componentReferences(state, record),
  };
}

function listComponents(context: OperationContext): Wire {
  const { input, state } = context;
  const owner = optionalString(input, "owner") ?? "Self";
  if (!OWNERS.includes(owner)) {
    throw invalidParameter("owner", `owner must be one of ${OWNERS}.`);
  }
  // LIMITATION: besides the caller's own components only a few
  // Amazon-managed ones exist; shared and Marketplace ones do not.
  const own =
    owner === "Self"
      ? state.components
      : owner === "Amazon"
        ? managedComponents(context)
        : [];
  const versions = latestBuildPerVersion(own);
  const byName = optionalBoolean(input, "byName") ?? false;
  // Without byName the service lists the newest version of each name;
  // with it, every version of the names the filters select.
  const listed = byName ? versions : newestPerName(versions);
  const filtered = applyFilters(listed, input, {
    description: (r) => r.wire.description as string | undefined,
    name: (r) => r.name,
    platform: (r) => r.wire.platform as string,
    supportedOsVersion: (r) =>
      ((r.wire.supportedOsVersions as string[] | undefined) ?? []).join(","),
    type: (r) => r.wire.type as string,
    version: (r) => r.version,
  });
  const page = imageBuilderPage(filtered, input, "ListComponents");

  return {
    componentVersionList: page.items.map((record) => ({
      arn: versionArnOf(record.arn),
      name: record.name,
      version: record.version,
      description: record.wire.description,
      platform: record.wire.platform,
      supportedOsVersions: record.wire.supportedOsVersions,
      type: record.wire.type,
      owner: record.wire.owner,
      dateCreated: record.wire.dateCreated,
      status: "ACTIVE",
    })),
    nextToken: page.nextToken,
  };
}

/** Resolves a build, version or wildcard component ARN to one build. */
export function findComponent(
  lookup: Lookup,
  arn: string,
  parameter = "componentBuildVersionArn",
): ComponentRecord {
  const reference = parseVersionedArn(arn, parameter, ["component"]);
  const pool = isOwnArn(lookup, arn)
    ? lookup.state.components
    : isManagedArn(lookup, arn)
      ? managedComponents(lookup)
      : [];
  const found = resolveHighest(pool, reference);
  if (!found) throw notFound("Component", arn);

  return found;
}

export function componentWire(
  state: EmulatorState,
  record: ComponentRecord,
): Wire {
  return { ...record.wire, tags: tagsOf(state, record.arn) };
}

function componentSummary(state: EmulatorState, record: ComponentRecord) {
  const { data: _data, parameters: _params, ...summary } = record.wire;

  return { ...summary, tags: tagsOf(state, record.arn) };
}

function componentReferences(state: EmulatorState, record: ComponentRecord) {
  return latestVersionReferences(state.components, record.name, record.version);
}

function isUsedByRecipe(lookup: Lookup, record: ComponentRecord) {
  return lookup.state.recipes.some((recipe) =>
    (recipe.wire.components as Wire[]).some((entry) => {
      const arn = String(entry.componentArn);
      try {
        return findComponent(lookup, arn) === record;
      } catch {
        return false;
      }
    }),
  );
}

function sameVersion(state: EmulatorState, name: string, version: string) {
  return state.components
    .filter((c) => arnName(c.name) === arnName(name) && c.version === version)
    .map((c) => c.build);
}

function latestBuildPerVersion(records: ComponentRecord[]) {
  const byVersion = new Map<string, ComponentRecord>();
  for (const record of records) {
    const key = versionArnOf(record.arn);
    const current = byVersion.get(key);
    if (!current || current.build < record.build) byVersion.set(key, record);
  }

  return [...byVersion.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name) || compareVersions(b.version, a.version),
  );
}

function newestPerName(sorted: ComponentRecord[]): ComponentRecord[] {
  return sorted.filter(
    (record, index) =>
      index === 0 || arnName(sorted[index - 1].name) !== arnName(record.name),
  );
}

function versionArnOf(buildArn: string): string {
  return buildArn.replace(/\/[0-9]+$/, "");
}

function readOsVersions(input: Wire): string[] | undefined {
  const list = optionalArray(input, "supportedOsVersions");
  if (list.length === 0) return undefined;
  const valid =
    list.length <= 25 &&
    list.every((os) => typeof os === "string" && os.length > 0);
  if (!valid) {
    throw invalidParameter(
      "supportedOsVersions",
      "supportedOsVersions must hold 1 to 25 non-empty strings.",
    );
  }

  return list as string[];
}
