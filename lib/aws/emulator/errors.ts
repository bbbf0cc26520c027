// Service errors the emulator returns, shaped the way the SDK parses them:
// status code + `x-amzn-errortype` header + a JSON body with `message`.

const STATUS_BY_NAME: Record<string, number> = {
  InvalidParameterValueException: 400,
  InvalidParameterException: 400,
  InvalidParameterCombinationException: 400,
  InvalidRequestException: 400,
  InvalidVersionNumberException: 400,
  InvalidPaginationTokenException: 400,
  IdempotentParameterMismatchException: 400,
  ResourceAlreadyExistsException: 400,
  ResourceInUseException: 400,
  ResourceDependencyException: 400,
  ClientException: 400,
  ValidationException: 400,
  BadRequestException: 400,
  ConflictException: 409,
  ServiceQuotaExceededException: 402,
  TooManyRequestsException: 429,
  ResourceNotFoundException: 404,
  DryRunOperationException: 412,
  ForbiddenException: 403,
  AccessDeniedException: 403,
  CallRateLimitExceededException: 429,
  ThrottlingException: 429,
  ServiceException: 500,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
};

export class EmulatorError extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;

  constructor(
    name: string,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = name;
    this.status = STATUS_BY_NAME[name] ?? 400;
    this.extra = extra;
  }
}

export function invalidParameter(
  parameter: string,
  detail: string,
): EmulatorError {
  return new EmulatorError(
    "InvalidParameterValueException",
    `The value supplied for parameter '${parameter}' is not valid. ${detail}`,
  );
}

export function notFound(resourceType: string, arn: string): EmulatorError {
  return new EmulatorError(
    "ResourceNotFoundException",
    `The resource '${resourceType}' with ARN '${arn}' does not exist.`,
  );
}

export function alreadyExists(
  resourceType: string,
  arn: string,
): EmulatorError {
  return new EmulatorError(
    "ResourceAlreadyExistsException",
    `The following resource '${resourceType}' already exists: '${arn}'.`,
  );
}

export function dependencyError(arn: string): EmulatorError {
  return new EmulatorError(
    "ResourceDependencyException",
    "Resource dependency error: The resource ARN " +
      `'${arn}' has other resources depended on it.`,
  );
}

export interface FieldProblem {
  name: string;
  message: string;
}

/** Inspector2's ValidationException, with its modelled reason and fields. */
export function inspectorValidation(
  message: string,
  fields: FieldProblem[] = [],
  reason = "FIELD_VALIDATION_FAILED",
): EmulatorError {
  const extra: Record<string, unknown> = { reason };
  if (fields.length > 0) extra.fields = fields;

  return new EmulatorError("ValidationException", message, extra);
}
