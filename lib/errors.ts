/**
 * An expected failure whose message is safe to show to the user. Anything
 * else thrown in an action is logged and replaced by a generic message.
 */
export class UserFacingError extends Error {
  readonly fieldErrors?: Record<string, string>;
  readonly requestId?: string;

  constructor(
    message: string,
    options: { fieldErrors?: Record<string, string>; requestId?: string } = {},
  ) {
    super(message);
    this.name = "UserFacingError";
    this.fieldErrors = options.fieldErrors;
    this.requestId = options.requestId;
  }
}

export class NotFoundError extends UserFacingError {
  constructor(what: string) {
    super(`${what} was not found or you cannot see it.`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
