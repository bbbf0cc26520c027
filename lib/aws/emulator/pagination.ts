import { EmulatorError, inspectorValidation, invalidParameter } from "./errors";
import type { Wire } from "./state-types";

export interface PageOptions {
  /** Binds a token to the list it came from. */
  operation: string;
  service: "imagebuilder" | "inspector2";
  maxLimit: number;
  defaultSize: number;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Offset pagination behind an opaque token. The last page carries no
 * nextToken, which is what stops the SDK paginators.
 */
export function paginate<T>(
  items: readonly T[],
  input: Wire,
  options: PageOptions,
): Page<T> {
  const size = pageSize(input.maxResults, options);
  const offset = decodeToken(input.nextToken, options);
  const end = offset + size;
  const page = items.slice(offset, end);

  if (end >= items.length) return { items: page };

  return { items: page, nextToken: encodeToken(options.operation, end) };
}

function pageSize(value: unknown, options: PageOptions): number {
  if (value === undefined || value === null) return options.defaultSize;
  const valid =
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= options.maxLimit;
  if (valid) return value;

  const detail = `maxResults must be between 1 and ${options.maxLimit}.`;
  if (options.service === "inspector2") {
    throw inspectorValidation(`Invalid input: ${detail}`, [
      { name: "maxResults", message: detail },
    ]);
  }
  throw invalidParameter("maxResults", detail);
}

function encodeToken(operation: string, offset: number): string {
  const payload = JSON.stringify({ op: operation, offset });

  return Buffer.from(payload).toString("base64url");
}

function decodeToken(token: unknown, options: PageOptions): number {
  if (token === undefined || token === null) return 0;
  try {
    const text = Buffer.from(String(token), "base64url").toString("utf8");
    const payload = JSON.parse(text) as { op?: unknown; offset?: unknown };
    const offset = payload.offset;
    const valid =
      payload.op === options.operation &&
      typeof offset === "number" &&
      Number.isInteger(offset) &&
      offset > 0;
    if (valid) return offset as number;
  } catch {
    // Falls through to the invalid-token error below.
  }

  if (options.service === "inspector2") {
    throw inspectorValidation("The nextToken provided is not valid.", [
      { name: "nextToken", message: "Invalid pagination token." },
    ]);
  }
  throw new EmulatorError(
    "InvalidPaginationTokenException",
    "The nextToken provided is not valid.",
  );
}

export function imageBuilderPage<T>(
  items: readonly T[],
  input: Wire,
  operation: string,
): Page<T> {
  return paginate(items, input, {
    operation,
    service: "imagebuilder",
    maxLimit: 25,
    defaultSize: 25,
  });
}
