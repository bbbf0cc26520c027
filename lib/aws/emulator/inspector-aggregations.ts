import type { Operation, OperationContext } from "./context";
import { inspectorValidation } from "./errors";
import { STRING_FIELDS, stringMatcher } from "./inspector-filters";
import { allFindings } from "./inspector-findings";
import { paginate } from "./pagination";
import type { Wire } from "./state-types";
import { isObject } from "./validation";

interface Group {
  key: string;
  row: Wire;
  counts: { all: number; medium: number; high: number; critical: number };
  instances: Set<string>;
}

interface Grouping {
  requestMember: string;
  responseMember: string;
  keysOf: (finding: Wire) => string[];
  /** Request members holding StringFilter lists, and what they match. */
  filters: Record<string, (finding: Wire) => string[]>;
  row: (key: string, finding: Wire) => Wire;
}

const packageNames = (f: Wire) => {
  const details = isObject(f.packageVulnerabilityDetails)
    ? f.packageVulnerabilityDetails
    : {};
  const list = Array.isArray(details.vulnerablePackages)
    ? details.vulnerablePackages.filter(isObject)
    : [];

  return [...new Set(list.map((p) => String(p.name)))];
};

const GROUPINGS: Record<string, Grouping> = {
  AMI: {
    requestMember: "amiAggregation",
    responseMember: "amiAggregation",
    keysOf: STRING_FIELDS.ec2InstanceImageId,
    filters: { amis: STRING_FIELDS.ec2InstanceImageId },
    row: (ami, f) => ({ ami, accountId: f.awsAccountId }),
  },
  PACKAGE: {
    requestMember: "packageAggregation",
    responseMember: "packageAggregation",
    keysOf: packageNames,
    filters: { packageNames },
    row: (packageName, f) => ({ packageName, accountId: f.awsAccountId }),
  },
  TITLE: {
    requestMember: "titleAggregation",
    responseMember: "titleAggregation",
    keysOf: (f) => STRING_FIELDS.title(f),
    filters: {
      titles: STRING_FIELDS.title,
      vulnerabilityIds: STRING_FIELDS.vulnerabilityId,
    },
    row: (title, f) => ({
      title,
      vulnerabilityId: STRING_FIELDS.vulnerabilityId(f)[0],
      accountId: f.awsAccountId,
    }),
  },
};

// LIMITATION: only the AMI, PACKAGE and TITLE aggregations are modelled,
// and they count ACTIVE findings only.
export const aggregationOperation: Operation = {
  mutating: false,
  run: (context: OperationContext) => {
    const { input } = context;
    const type = String(input.aggregationType);
    const grouping = GROUPINGS[type];
    if (!grouping) {
      throw inspectorValidation(
        `The aggregationType '${type}' is not supported.`,
        [{ name: "aggregationType", message: "Unsupported value." }],
      );
    }
    const request = readRequest(input.aggregationRequest, grouping);
    const rows = groupFindings(context, grouping, request);
    const page = paginate(rows, input, {
      operation: `ListFindingAggregations:${type}`,
      service: "inspector2",
      maxLimit: 100,
      defaultSize: 50,
    });

    return {
      aggregationType: type,
      responses: page.items.map((row) => ({ [grouping.responseMember]: row })),
      nextToken: page.nextToken,
    };
  },
};

function readRequest(raw: unknown, grouping: Grouping): Wire {
  if (raw === undefined) return {};
  const member = isObject(raw) ? raw[grouping.requestMember] : undefined;
  if (!isObject(member)) {
    throw inspectorValidation(
      "aggregationRequest does not match aggregationType.",
      [{ name: "aggregationRequest", message: "Wrong member." }],
    );
  }

  return member;
}

function groupFindings(
  context: OperationContext,
  grouping: Grouping,
  request: Wire,
): Wire[] {
  const checks = Object.entries(grouping.filters)
    .filter(([name]) => Array.isArray(request[name]))
    .map(([name, values]) => {
      const match = stringMatcher(name, request[name] as Wire[]);

      return (finding: Wire) => match(values(finding));
    });
  const groups = new Map<string, Group>();
  const active = allFindings(context).filter((f) => f.status === "ACTIVE");
  for (const finding of active.filter((f) => checks.every((c) => c(f)))) {
    for (const key of grouping.keysOf(finding)) {
      const group = groups.get(key) ?? newGroup(key, grouping.row(key, finding));
      addFinding(group, finding);
      groups.set(key, group);
    }
  }

  return sortGroups([...groups.values()], request).map((group) => ({
    ...group.row,
    severityCounts: group.counts,
    ...(grouping.requestMember === "amiAggregation"
      ? { affectedInstances: group.instances.size }
      : {}),
  }));
}

function newGroup(key: string, row: Wire): Group {
  const counts = { all: 0, medium: 0, high: 0, critical: 0 };

  return { key, row, counts, instances: new Set() };
}

function addFinding(group: Group, finding: Wire): void {
  group.counts.all += 1;
  const severity = String(finding.severity).toLowerCase();
  if (severity === "medium" || severity === "high" || severity === "critical") {
    group.counts[severity] += 1;
  }
  STRING_FIELDS.resourceId(finding).forEach((id) => group.instances.add(id));
}

function sortGroups(groups: Group[], request: Wire): Group[] {
  const by = String(request.sortBy ?? "CRITICAL");
  const sign = request.sortOrder === "ASC" ? 1 : -1;
  const value = (group: Group) => {
    if (by === "AFFECTED_INSTANCES") return group.instances.size;
    if (by === "HIGH") return group.counts.high;
    if (by === "ALL") return group.counts.all;

    return group.counts.critical;
  };

  return groups.sort(
    (a, b) => sign * (value(a) - value(b)) || a.key.localeCompare(b.key),
  );
}
