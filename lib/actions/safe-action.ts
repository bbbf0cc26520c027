import "server-only";

import { randomUUID } from "node:crypto";

import type { z } from "zod";

import { requireUser, type CurrentUser } from "../auth/session";
import { awsUserFacingError } from "../aws/errors";
import { isUserFacing } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { logger, type Logger } from "../logger";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      requestId: string;
    };

export interface ActionContext {
  user: CurrentUser;
  log: Logger;
  requestId: string;
}

interface ActionConfig<S extends z.ZodType> {
  name: string;
  schema: S;
  /** Roles allowed to call it; every signed-in user when omitted. */
  roles?: Role[];
}

/**
 * The one way to build a server action: validates input, checks the session
 * and role on the server, logs, and keeps unexpected errors away from users.
 */
export function defineAction<S extends z.ZodType, T>(
  config: ActionConfig<S>,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const requestId = randomUUID();
    const log = logger.child({ action: config.name, requestId });

    try {
      const user = await requireUser(config.roles);

      const parsed = config.schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          message: "Some fields need attention.",
          fieldErrors: fieldErrorsOf(parsed.error),
          requestId,
        };
      }

      const data = await handler(parsed.data, {
        user,
        log: log.child({ userId: user.id }),
        requestId,
      });
      log.info("action succeeded");

      return { ok: true, data };
    } catch (error) {
      return failure(error, config.name, requestId, log);
    }
  };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    fields[key] ??= issue.message;
  }

  return fields;
}

function failure(
  error: unknown,
  name: string,
  requestId: string,
  log: Logger,
): ActionResult<never> {
  if (isUserFacing(error)) {
    log.info({ reason: error.message }, "action refused");
    return {
      ok: false,
      message: error.message,
      fieldErrors: error.fieldErrors,
      requestId: error.requestId ?? requestId,
    };
  }

  const aws = awsUserFacingError(error, describeAction(name));
  log.error({ err: error }, "action failed");
  if (aws) {
    return { ok: false, message: aws.message, requestId };
  }

  return {
    ok: false,
    message: `Something went wrong. Reference: ${requestId}`,
    requestId,
  };
}

function describeAction(name: string): string {
  return name
    .replace(/Action$/, "")
    .replace(/([A-Z])/g, " $1")
    .trim()
    .toLowerCase();
}
