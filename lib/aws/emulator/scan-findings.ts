import type { OperationContext, OperationTable } from "./context";
import { invalidParameter } from "./errors";
import { findingsByImage } from "./inspector-findings";
import { imageBuilderPage } from "./pagination";
import type { Wire } from "./state-types";
import { compact, isObject } from "./validation";

const FINDING_FILTERS = [
  "imageBuildVersionArn",
  "imagePipelineArn",
  "vulnerabilityId",
  "severity",
];
const AGGREGATION_FILTERS = [
  "accountId",
  "imageBuildVersionArn",
  "imagePipelineArn",
  "vulnerabilityId",
];

/** Image Builder's flattened copy of an Inspector finding. */
type ScanFinding = Wire;

export const scanFindingOperations: OperationTable = {
  ListImageScanFindings: {
    mutating: false,
    run: (context) => {
      const filter = readFindingFilter(context.input.filters);
      const findings = scanFindings(context).filter(
        (finding) => !filter || valueOf(finding, filter.name) === filter.value,
      );
      const page = imageBuilderPage(
        findings,
        context.input,
        "ListImageScanFindings",
      );

      return { findings: page.items, nextToken: page.nextToken };
    },
  },
  ListImageScanFindingAggregations: {
    mutating: false,
    run: listAggregations,
  },
};

/**
 * LIMITATION: the aggregation answers one row of the filter's own kind
 * (as the service's documented example does); how the service breaks an
 * account or pipeline down into rows is not modelled.
 */
function listAggregations(context: OperationContext): Wire {
  const filter = readAggregationFilter(context.input.filter);
  const name = filter?.name ?? "accountId";
  const value = filter?.value ?? context.accountId;
  const findings = scanFindings(context).filter(
    (finding) => valueOf(finding, name) === value,
  );
  const counts = severityCounts(findings);
  const row: Record<string, Wire> = {
    accountId: {
      accountAggregation: { accountId: value, severityCounts: counts },
    },
    imageBuildVersionArn: {
      imageAggregation: { imageBuildVersionArn: value, severityCounts: counts },
    },
    imagePipelineArn: {
      imagePipelineAggregation: {
        imagePipelineArn: value,
        severityCounts: counts,
      },
    },
    vulnerabilityId: {
      vulnerabilityIdAggregation: {
        vulnerabilityId: value,
        severityCounts: counts,
      },
    },
  };
  const page = imageBuilderPage(
    [row[name]],
    context.input,
    "ListImageScanFindingAggregations",
  );

  return {
    aggregationType: name,
    responses: page.items,
    nextToken: page.nextToken,
  };
}

function scanFindings(context: OperationContext): ScanFinding[] {
  return findingsByImage(context).flatMap(({ image, findings }) =>
    findings.map((finding) => {
      const remediation = isObject(finding.remediation)
        ? finding.remediation
        : {};
      const recommendation = isObject(remediation.recommendation)
        ? remediation.recommendation
        : {};

      return compact({
        awsAccountId: finding.awsAccountId,
        imageBuildVersionArn: image.arn,
        imagePipelineArn: image.wire.sourcePipelineArn,
        type: finding.type,
        description: finding.description,
        title: finding.title,
        // Image Builder spells the link `url`; Inspector2 spells it `Url`.
        remediation: {
          recommendation: compact({
            text: recommendation.text,
            url: recommendation.Url,
          }),
        },
        severity: finding.severity,
        firstObservedAt: finding.firstObservedAt,
        updatedAt: finding.updatedAt,
        inspectorScore: finding.inspectorScore,
        inspectorScoreDetails: finding.inspectorScoreDetails,
        packageVulnerabilityDetails: finding.packageVulnerabilityDetails,
        fixAvailable: finding.fixAvailable,
      });
    }),
  );
}

function valueOf(finding: ScanFinding, name: string): string | undefined {
  if (name === "accountId") return String(finding.awsAccountId);
  if (name === "vulnerabilityId") {
    const details = finding.packageVulnerabilityDetails;

    return isObject(details) ? String(details.vulnerabilityId) : undefined;
  }
  const value = finding[name];

  return typeof value === "string" ? value : undefined;
}

function severityCounts(findings: ScanFinding[]) {
  const count = (severity: string) =>
    findings.filter((finding) => finding.severity === severity).length;

  return {
    all: findings.length,
    critical: count("CRITICAL"),
    high: count("HIGH"),
    medium: count("MEDIUM"),
  };
}

interface SingleFilter {
  name: string;
  value: string;
}

function readFindingFilter(raw: unknown): SingleFilter | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.length !== 1) {
    throw invalidParameter("filters", "Exactly one filter is allowed.");
  }

  return readSingle(raw[0], "filters[0]", FINDING_FILTERS);
}

function readAggregationFilter(raw: unknown): SingleFilter | undefined {
  if (raw === undefined || raw === null) return undefined;

  return readSingle(raw, "filter", AGGREGATION_FILTERS);
}

function readSingle(
  raw: unknown,
  where: string,
  allowed: string[],
): SingleFilter {
  const name = isObject(raw) ? raw.name : undefined;
  const values = isObject(raw) ? raw.values : undefined;
  if (typeof name !== "string" || !allowed.includes(name)) {
    throw invalidParameter(
      `${where}.name`,
      `The filter name must be one of ${allowed.join(", ")}.`,
    );
  }
  const single =
    Array.isArray(values) &&
    values.length === 1 &&
    typeof values[0] === "string" &&
    values[0].length > 0;
  if (!single) {
    throw invalidParameter(
      `${where}.values`,
      "Exactly one filter value is allowed.",
    );
  }

  return { name, value: values[0] as string };
}
