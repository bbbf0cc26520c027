import { componentOperations } from "./components";
import { configurationOperations } from "./configurations";
import type { Operation, OperationTable } from "./context";
import { EmulatorError, inspectorValidation } from "./errors";
import { imageOperations } from "./images";
import { inspectorOperations } from "./inspector";
import { pipelineOperations } from "./pipelines";
import { recipeOperations } from "./recipes";
import { scanFindingOperations } from "./scan-findings";
import { workflowOperations } from "./workflow-executions";
import type { Wire } from "./state-types";
import { tagOperations } from "./tags";

export type Service = "imagebuilder" | "inspector2";

export interface IncomingRequest {
  method: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  body?: unknown;
}

export interface Route {
  service: Service;
  name: string;
  operation: Operation;
  input: Wire;
  pathArn?: string;
}

const IMAGE_BUILDER: OperationTable = {
  ...componentOperations,
  ...recipeOperations,
  ...configurationOperations,
  ...imageOperations,
  ...pipelineOperations,
  ...scanFindingOperations,
  ...workflowOperations,
};

const INSPECTOR_PATHS: Record<string, string> = {
  "POST /findings/list": "ListFindings",
  "POST /findings/aggregation/list": "ListFindingAggregations",
  "POST /coverage/list": "ListCoverage",
  "POST /reporting/create": "CreateFindingsReport",
  "POST /reporting/status/get": "GetFindingsReportStatus",
};

const TAG_METHODS: Record<string, string> = {
  POST: "TagResource",
  DELETE: "UntagResource",
  GET: "ListTagsForResource",
};

/** Which service the SDK addressed: both clients share one handler. */
export function serviceOf(hostname: string): Service {
  if (hostname.startsWith("inspector2.")) return "inspector2";
  if (hostname.startsWith("imagebuilder.")) return "imagebuilder";

  throw new EmulatorError(
    "InvalidRequestException",
    `The emulator does not serve the host '${hostname}'.`,
  );
}

export function route(request: IncomingRequest): Route {
  const service = serviceOf(request.hostname);
  const input = { ...queryInput(request.query), ...bodyInput(request.body) };

  // Tag routes only serve Image Builder ARNs; Inspector2 tags are not used.
  if (request.path.startsWith("/tags/")) {
    const name = TAG_METHODS[request.method];
    const pathArn = decodeURIComponent(request.path.slice("/tags/".length));
    if (name && service === "imagebuilder") {
      return { service, name, operation: tagOperations[name], input, pathArn };
    }
  }
  const name =
    service === "imagebuilder"
      ? request.path.slice(1)
      : INSPECTOR_PATHS[`${request.method} ${request.path}`];
  const table = service === "imagebuilder" ? IMAGE_BUILDER : inspectorOperations;
  const operation = name ? table[name] : undefined;
  if (!name || !operation || !Object.hasOwn(table, name)) {
    throw unknownOperation(service, request);
  }

  return { service, name, operation, input };
}

function unknownOperation(service: Service, request: IncomingRequest) {
  // LIMITATION: operations the portal does not use are not emulated.
  const message =
    `The operation ${request.method} ${request.path} is not supported ` +
    "by the local emulator.";
  if (service === "inspector2") return inspectorValidation(message, [], "OTHER");

  return new EmulatorError("InvalidRequestException", message);
}

function queryInput(query: IncomingRequest["query"]): Wire {
  const input: Wire = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null) continue;
    input[key] = key === "tagKeys" ? ([] as string[]).concat(value) : value;
  }

  return input;
}

function bodyInput(body: unknown): Wire {
  if (body === undefined || body === null) return {};
  const text =
    typeof body === "string" ? body : new TextDecoder().decode(body as Uint8Array);
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EmulatorError("InvalidRequestException", "Malformed JSON body.");
  }

  return typeof parsed === "object" && parsed !== null ? (parsed as Wire) : {};
}
