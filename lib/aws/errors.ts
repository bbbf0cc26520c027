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
  "BadRequestException",
  "ClientException",
]);

/** Errors whose meaning is fixed: a message per name, AWS's text added. */
const EXPLAINED: Record<string, string> = {
  ResourceAlreadyExistsException:
    "a resource with this name and version already exists",
  ResourceInUseException: "the resource is busy or in a state that forbids it",
  ResourceDependencyException:
    "other resources still depend on it; remove those first",
  ConflictException: "it conflicts with the resource's current state",
  IdempotentParameterMismatchException:
    "the same request token was already used with different settings; " +
    "reload the page and submit again",
  InvalidPaginationTokenException:
    "the list changed while it was being read; reload the page",
  DryRunOperationException: "the request would succeed (dry run only)",
};

const CREDENTIALS = new Set([
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "AccessDenied",
]);

const UNAVAILABLE = new Set([
  "ServiceException",
  "ServiceUnavailableException",
  "InternalServerException",
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
  const network = networkError(error, doing);
  if (network) return network;
  if (error instanceof Error && CREDENTIALS.has(error.name)) {
    return new UserFacingError(credentialsMessage(doing));
  }
  if (!isAwsError(error)) return null;

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
  const explained = EXPLAINED[error.name];
  if (explained) {
    return `AWS refused ${doing}: ${explained}. (${error.message})`;
  }
  if (UNAVAILABLE.has(error.name)) {
    return `AWS is having trouble while ${doing}. Try again in a few minutes.`;
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

function credentialsMessage(doing: string): string {
  return (
    `The portal's AWS credentials were not accepted while ${doing}. ` +
    "An administrator should check the AWS connection page."
  );
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
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
    name === "RequestTimeout" ||
    name === "AbortError"
  ) {
    return new UserFacingError(
      `Could not reach AWS while ${doing}. Try again shortly.`,
    );
  }

  return null;
}
