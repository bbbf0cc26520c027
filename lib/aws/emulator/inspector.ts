import type { OperationContext, OperationTable } from "./context";
import { inspectorValidation } from "./errors";
import { coverageOperation } from "./inspector-coverage";
import { aggregationOperation } from "./inspector-aggregations";
import { findingPredicate } from "./inspector-filters";
import { allFindings, findingsOfAmis } from "./inspector-findings";
import { reportOperations } from "./inspector-reports";
import { paginate } from "./pagination";
import type { Wire } from "./state-types";
import { isObject } from "./validation";

const SEVERITY_RANK: Record<string, number> = {
  UNTRIAGED: 0,
  INFORMATIONAL: 1,
  LOW: 2,
  MEDIUM: 3,
  HIGH: 4,
  CRITICAL: 5,
};

type SortKey = (finding: Wire) => number | string;

const details = (f: Wire) =>
  isObject(f.packageVulnerabilityDetails) ? f.packageVulnerabilityDetails : {};
const numeric = (value: unknown) => (typeof value === "number" ? value : -1);

const SORT_KEYS: Record<string, SortKey> = {
  SEVERITY: (f) => SEVERITY_RANK[String(f.severity)] ?? -1,
  INSPECTOR_SCORE: (f) => numeric(f.inspectorScore),
  EPSS_SCORE: (f) => numeric(isObject(f.epss) ? f.epss.score : undefined),
  FIRST_OBSERVED_AT: (f) => numeric(f.firstObservedAt),
  LAST_OBSERVED_AT: (f) => numeric(f.lastObservedAt),
  VULNERABILITY_ID: (f) => String(details(f).vulnerabilityId ?? ""),
  VULNERABILITY_SOURCE: (f) => String(details(f).source ?? ""),
  VENDOR_SEVERITY: (f) => String(details(f).vendorSeverity ?? ""),
  AWS_ACCOUNT_ID: (f) => String(f.awsAccountId),
  FINDING_TYPE: (f) => String(f.type),
  FINDING_STATUS: (f) => String(f.status),
  RESOURCE_TYPE: () => "AWS_EC2_INSTANCE",
};

export const inspectorOperations: OperationTable = {
  ListFindings: { mutating: false, run: listFindings },
  ListFindingAggregations: aggregationOperation,
  ListCoverage: coverageOperation,
  ...reportOperations,
};

function listFindings(context: OperationContext): Wire {
  const { input } = context;
  const matches = findingPredicate(input.filterCriteria);
  const compare = comparator(input.sortCriteria);
  const findings = candidates(context).filter(matches).sort(compare);
  // LIMITATION: the live page cap for ListFindings is unverified (the model
  // says 25 items, the input allows 100); the emulator honours maxResults.
  const page = paginate(findings, input, {
    operation: "ListFindings",
    service: "inspector2",
    maxLimit: 100,
    defaultSize: 50,
  });

  return { findings: page.items, nextToken: page.nextToken };
}

/**
 * Every finding names the AMI it was scanned through, so a filter of
 * EQUALS AMI ids can only match those images' findings: the others are
 * not generated at all (same answer, far less work on a large state).
 */
function candidates(context: OperationContext): Wire[] {
  const criteria = context.input.filterCriteria;
  const filters = isObject(criteria) ? criteria.ec2InstanceImageId : null;
  const equalsOnly =
    Array.isArray(filters) &&
    filters.length > 0 &&
    filters.every((f) => isObject(f) && f.comparison === "EQUALS");
  if (!equalsOnly) return allFindings(context);

  const amis = new Set(filters.map((f) => String((f as Wire).value)));

  return findingsOfAmis(context, amis);
}

/** Sorts by the requested key; ties break on findingArn (stable pages). */
function comparator(raw: unknown) {
  const criteria = isObject(raw) ? raw : { field: "SEVERITY", sortOrder: "DESC" };
  const key = SORT_KEYS[String(criteria.field)];
  const order = criteria.sortOrder;
  if (!key || (order !== "ASC" && order !== "DESC")) {
    throw inspectorValidation("Invalid sortCriteria.", [
      { name: "sortCriteria", message: "Unsupported field or sortOrder." },
    ]);
  }
  const sign = order === "ASC" ? 1 : -1;

  return (a: Wire, b: Wire) => {
    const left = key(a);
    const right = key(b);
    if (left < right) return -sign;
    if (left > right) return sign;

    return String(a.findingArn).localeCompare(String(b.findingArn));
  };
}
