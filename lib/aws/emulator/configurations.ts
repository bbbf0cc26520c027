import { arnName, resourceArn, type ResourceKind } from "./arns";
import type { Lookup, OperationContext, OperationTable } from "./context";
import { alreadyExists, dependencyError, notFound } from "./errors";
import { applyFilters } from "./list-filters";
import { imageBuilderPage } from "./pagination";
import type { ConfigurationRecord, EmulatorState, Wire } from "./state-types";
import { setTags, tagsOf } from "./tags";
import { requireResourceName, requireString } from "./validation";
import { readDistributions } from "./distribution-input";
import { readInfrastructure } from "./infrastructure-input";

type Collection = "infrastructureConfigurations" | "distributionConfigurations";

interface Kind {
  collection: Collection;
  kind: ResourceKind;
  /** The wire name of the resource, e.g. `DistributionConfiguration`. */
  label: string;
  arnMember: string;
  listMember: string;
  read: (input: Wire) => Wire;
  summary: (wire: Wire) => Wire;
}

const infrastructure: Kind = {
  collection: "infrastructureConfigurations",
  kind: "infrastructure-configuration",
  label: "InfrastructureConfiguration",
  arnMember: "infrastructureConfigurationArn",
  listMember: "infrastructureConfigurationSummaryList",
  read: readInfrastructure,
  summary: (wire) => pick(wire, [
    "arn", "name", "description", "dateCreated", "dateUpdated",
    "resourceTags", "instanceTypes", "instanceProfileName", "placement",
  ]),
};

const distribution: Kind = {
  collection: "distributionConfigurations",
  kind: "distribution-configuration",
  label: "DistributionConfiguration",
  arnMember: "distributionConfigurationArn",
  listMember: "distributionConfigurationSummaryList",
  read: readDistributions,
  summary: (wire) => ({
    ...pick(wire, ["arn", "name", "description", "dateCreated", "dateUpdated"]),
    regions: (wire.distributions as Wire[]).map((d) => d.region),
  }),
};

export const configurationOperations: OperationTable = {
  ...operationsFor(infrastructure),
  ...operationsFor(distribution),
};

function operationsFor(kind: Kind): OperationTable {
  const plural = kind.label.replace(/Configuration$/, "Configurations");

  return {
    [`Create${kind.label}`]: {
      mutating: true,
      idempotent: true,
      run: (context) => create(kind, context),
    },
    [`Update${kind.label}`]: {
      mutating: true,
      idempotent: true,
      run: (context) => update(kind, context),
    },
    [`Get${kind.label}`]: {
      mutating: false,
      run: (context) => {
        const arn = requireString(context.input, kind.arnMember);
        const record = findConfiguration(context, kind.collection, arn);
        const member = kind.label[0].toLowerCase() + kind.label.slice(1);

        return { [member]: configurationWire(context.state, record) };
      },
    },
    [`List${plural}`]: {
      mutating: false,
      run: (context) => {
        const records = context.state[kind.collection];
        const filtered = applyFilters(records, context.input, {
          name: (record) => record.name,
        });
        const page = imageBuilderPage(filtered, context.input, `List${plural}`);
        const items = page.items.map((record) => ({
          ...kind.summary(record.wire),
          tags: tagsOf(context.state, record.arn),
        }));

        return { [kind.listMember]: items, nextToken: page.nextToken };
      },
    },
    [`Delete${kind.label}`]: {
      mutating: true,
      run: (context) => {
        const arn = requireString(context.input, kind.arnMember);
        const record = findConfiguration(context, kind.collection, arn);
        const used = context.state.pipelines.some(
          (pipeline) => pipeline.wire[kind.arnMember] === arn,
        );
        if (used) throw dependencyError(arn);

        const state = context.state;
        state[kind.collection] = state[kind.collection].filter(
          (r) => r !== record,
        );
        delete state.tags[arn];

        return { [kind.arnMember]: arn };
      },
    },
  };
}

function create(kind: Kind, context: OperationContext): Wire {
  const { input, state } = context;
  const name = requireResourceName(input);
  const arn = resourceArn(context, kind.kind, arnName(name));
  if (state[kind.collection].some((record) => record.arn === arn)) {
    throw alreadyExists(kind.label, arn);
  }
  const body = kind.read(input);
  const tags = body.tags as Record<string, string> | undefined;
  delete body.tags;
  const now = context.now.toISOString();
  const wire = { arn, name, ...body, dateCreated: now };
  state[kind.collection].push({ arn, name, wire });
  setTags(state, arn, tags);

  return { clientToken: input.clientToken, [kind.arnMember]: arn };
}

function update(kind: Kind, context: OperationContext): Wire {
  const arn = requireString(context.input, kind.arnMember);
  const record = findConfiguration(context, kind.collection, arn);
  const body = kind.read(context.input);
  delete body.tags;
  record.wire = {
    arn,
    name: record.name,
    ...body,
    dateCreated: record.wire.dateCreated,
    dateUpdated: context.now.toISOString(),
  };

  return { clientToken: context.input.clientToken, [kind.arnMember]: arn };
}

export function findConfiguration(
  lookup: Lookup,
  collection: Collection | "pipelines",
  arn: string,
): ConfigurationRecord {
  const record = lookup.state[collection].find((r) => r.arn === arn);
  if (!record) {
    const label = {
      infrastructureConfigurations: "InfrastructureConfiguration",
      distributionConfigurations: "DistributionConfiguration",
      pipelines: "ImagePipeline",
    }[collection];
    throw notFound(label, arn);
  }

  return record;
}

export function configurationWire(
  state: EmulatorState,
  record: ConfigurationRecord,
): Wire {
  return { ...record.wire, tags: tagsOf(state, record.arn) };
}

function pick(wire: Wire, keys: string[]): Wire {
  return Object.fromEntries(
    keys.filter((key) => wire[key] !== undefined).map((k) => [k, wire[k]]),
  );
}
