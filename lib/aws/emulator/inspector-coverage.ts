import type { Operation, OperationContext } from "./context";
import { inspectorValidation } from "./errors";
import { stringMatcher } from "./inspector-filters";
import { scannedImages } from "./inspector-findings";
import { paginate } from "./pagination";
import type { Wire } from "./state-types";
import { isObject } from "./validation";

const COVERAGE_FIELDS: Record<string, (row: Wire) => string[]> = {
  accountId: (row) => [String(row.accountId)],
  resourceId: (row) => [String(row.resourceId)],
  resourceType: (row) => [String(row.resourceType)],
  scanType: (row) => [String(row.scanType)],
  scanStatusCode: () => ["ACTIVE"],
  scanStatusReason: () => ["SUCCESSFUL"],
};

// LIMITATION: coverage lists only the test instances of scanned images
// (one per AVAILABLE image), always ACTIVE; no ECR or Lambda resources.
export const coverageOperation: Operation = {
  mutating: false,
  run: (context: OperationContext) => {
    const check = coveragePredicate(context.input.filterCriteria);
    const rows = scannedImages(context)
      .map((scanned) => ({
        resourceType: "AWS_EC2_INSTANCE",
        resourceId: scanned.instanceId,
        accountId: context.accountId,
        scanType: "PACKAGE",
        scanStatus: { statusCode: "ACTIVE", reason: "SUCCESSFUL" },
        resourceMetadata: {
          ec2: {
            amiId: scanned.amiId,
            platform: scanned.image.osKey.startsWith("windows")
              ? "WINDOWS"
              : "LINUX",
          },
        },
        lastScannedAt: scanned.observedAt.getTime() / 1000,
        scanMode: "EC2_SSM_AGENT_BASED",
      }))
      .filter(check);
    const page = paginate(rows, context.input, {
      operation: "ListCoverage",
      service: "inspector2",
      maxLimit: 200,
      defaultSize: 100,
    });

    return { coveredResources: page.items, nextToken: page.nextToken };
  },
};

function coveragePredicate(raw: unknown): (row: Wire) => boolean {
  if (raw === undefined) return () => true;
  if (!isObject(raw)) {
    throw inspectorValidation("filterCriteria must be an object.");
  }
  const checks = Object.entries(raw).map(([field, filters]) => {
    const values = COVERAGE_FIELDS[field];
    if (!values || !Array.isArray(filters)) {
      throw inspectorValidation(`Unsupported coverage filter '${field}'.`, [
        { name: `filterCriteria.${field}`, message: "Unsupported filter." },
      ]);
    }
    const match = stringMatcher(field, filters as Wire[]);

    return (row: Wire) => match(values(row));
  });

  return (row) => checks.every((check) => check(row));
}
