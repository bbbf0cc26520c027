import { UserFacingError } from "../errors";

interface AwsLikeError {
  name: string;
  message: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
}

const THROTTLED = new Set([
  "CallRateLimitExceededException",
  "TooManyRequestsException",
  "ThrottlingException",
]);

const REJECTED = new Set([
  "InvalidParameterValueException",
  "InvalidParameterException",
  "InvalidParameterCombinationException",
  "InvalidVersionNumberException",
  "InvalidRequestException",
  "ValidationException",
  "ClientException",
  "ResourceAlreadyExistsException",
  "ResourceInUseException",
  "ResourceDependencyException",
  "IdempotentParameterMismatchException",
]);

export function isAwsError(error: unknown): error is AwsLikeError {
  return (
    error instanceof Error &&
    typeof (error as { $metadata?: unknown }).$metadata === "object"
  );
}

/**
 * Turns an SDK error into a message a portal user can act on, keeping the
 * AWS request id for support. Returns null for errors that are not AWS's.
 */
export function awsUserFacingError(
  error: unknown,
  doing: string,
): UserFacingError | null {
  if (!isAwsError(error)) return networkError(error, doing);

  const requestId = error.$metadata?.requestId;
  const suffix = requestId ? ` (AWS request id ${requestId})` : "";
  const message = describe(error, doing);

  return new UserFacingError(`${message}${suffix}`, { requestId });
}

function describe(error: AwsLikeError, doing: string): string {
  if (THROTTLED.has(error.name) || error.$metadata?.httpStatusCode === 429) {
    return `AWS is throttling requests while ${doing}. Try again shortly.`;
  }
  if (error.name === "ResourceNotFoundException") {
    return `AWS could not find a resource while ${doing}: ${error.message}`;
  }
  if (REJECTED.has(error.name)) {
    return `AWS rejected the request while ${doing}: ${error.message}`;
  }
  if (
    error.name === "AccessDeniedException" ||
    error.name === "ForbiddenException"
  ) {
    return `The portal's AWS identity is not allowed to do this (${doing}).`;
  }
  if (error.name === "ServiceQuotaExceededException") {
    return `An AWS service quota was reached while ${doing}.`;
  }

  return `AWS failed while ${doing}. Try again; if it persists, contact the CCOE.`;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

function networkError(error: unknown, doing: string): UserFacingError | null {
  const code = (error as { code?: string } | null)?.code;
  const name = (error as { name?: string } | null)?.name;
  if (
    (code && NETWORK_CODES.has(code)) ||
    name === "TimeoutError" ||
    name === "RequestTimeout"
  ) {
    return new UserFacingError(
      `Could not reach AWS while ${doing}. Try again shortly.`,
    );
  }

  return null;
}
