import { randomUUID } from "node:crypto";

import type { OperationContext, OperationTable } from "./context";
import { EmulatorError, inspectorValidation } from "./errors";
import { findingPredicate } from "./inspector-filters";
import { allFindings } from "./inspector-findings";
import type { ReportRecord, Wire } from "./state-types";
import { compact, isObject } from "./validation";

const FORMATS = ["CSV", "JSON"];
const REPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// LIMITATION: no file is written (there is no S3); the report only has a
// status, which turns SUCCEEDED one build step after it was requested.
export const reportOperations: OperationTable = {
  CreateFindingsReport: {
    mutating: true,
    run: (context) => {
      const { input } = context;
      const format = input.reportFormat;
      if (typeof format !== "string" || !FORMATS.includes(format)) {
        throw fieldError("reportFormat", "reportFormat must be CSV or JSON.");
      }
      const destination = readDestination(input.s3Destination);
      const filterCriteria = isObject(input.filterCriteria)
        ? input.filterCriteria
        : undefined;
      const matches = findingPredicate(withActiveDefault(filterCriteria));
      const record: ReportRecord = {
        reportId: randomUUID(),
        createdAt: context.now.toISOString(),
        reportFormat: format,
        destination,
        filterCriteria,
        findingCount: allFindings(context).filter(matches).length,
      };
      context.state.reports.push(record);

      return { reportId: record.reportId };
    },
  },
  GetFindingsReportStatus: {
    mutating: false,
    run: (context) => {
      const record = findReport(context);

      return compact({
        reportId: record.reportId,
        ...reportStatus(context, record),
        destination: record.destination,
        filterCriteria: record.filterCriteria,
      });
    },
  },
};

function reportStatus(context: OperationContext, record: ReportRecord): Wire {
  const elapsed = context.now.getTime() - Date.parse(record.createdAt);
  if (elapsed < context.stepSeconds * 1000) return { status: "IN_PROGRESS" };
  if (record.findingCount === 0) {
    return {
      status: "FAILED",
      errorCode: "NO_FINDINGS_FOUND",
      errorMessage: "No findings match the report's filter criteria.",
    };
  }

  return { status: "SUCCEEDED" };
}

/** Without a reportId the service answers for the newest report. */
function findReport(context: OperationContext): ReportRecord {
  const id = context.input.reportId;
  const reports = context.state.reports;
  if (id === undefined || id === null) {
    const newest = reports.at(-1);
    if (!newest) throw missing("No findings report exists.");

    return newest;
  }
  if (typeof id !== "string" || !REPORT_ID.test(id)) {
    throw fieldError("reportId", "reportId must be a lower-case UUID.");
  }
  const record = reports.find((report) => report.reportId === id);
  if (!record) throw missing(`The report '${id}' does not exist.`);

  return record;
}

/** Reports cover ACTIVE findings unless the filter asks for a status. */
function withActiveDefault(criteria: Wire | undefined): Wire {
  if (criteria?.findingStatus !== undefined) return criteria;

  return {
    ...criteria,
    findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }],
  };
}

function readDestination(raw: unknown): Wire {
  if (!isObject(raw)) {
    throw fieldError("s3Destination", "s3Destination is required.");
  }
  for (const key of ["bucketName", "kmsKeyArn"]) {
    if (typeof raw[key] !== "string" || raw[key] === "") {
      throw fieldError(`s3Destination.${key}`, `${key} is required.`);
    }
  }

  return compact({
    bucketName: raw.bucketName,
    keyPrefix: raw.keyPrefix,
    kmsKeyArn: raw.kmsKeyArn,
  });
}

function fieldError(name: string, message: string) {
  return inspectorValidation(`Invalid input: ${message}`, [{ name, message }]);
}

function missing(message: string) {
  return new EmulatorError("ResourceNotFoundException", message);
}
