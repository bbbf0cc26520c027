import "server-only";

import { randomUUID } from "node:crypto";

import type { z } from "zod";

import {
  authorize,
  currentUser,
  type CurrentUser,
} from "../auth/session";
import { awsUserFacingError } from "../aws/errors";
import { audit } from "../audit";
import { prisma } from "../db";
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

type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

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
    let user: CurrentUser | null = null;

    try {
      user = await currentUser();
      const caller = authorize(user, config.roles);

      const parsed = config.schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        await recordRefusal(config.name, caller, requestId, {
          reason: "invalid input",
          fieldErrors,
        });

        return {
          ok: false,
          message: "Some fields need attention.",
          fieldErrors,
          requestId,
        };
      }

      const data = await handler(parsed.data, {
        user: caller,
        log: log.child({ userId: caller.id }),
        requestId,
      });
      log.info("action succeeded");

      return { ok: true, data };
    } catch (error) {
      const result = failure(error, config.name, requestId, log);
      await recordRefusal(config.name, user, result.requestId, {
        reason: result.message,
        expected: isUserFacing(error),
      });

      return result;
    }
  };
}

/**
 * Refused and failed calls are audited too: security staff need to see
 * who tried what, not only what succeeded. Successful calls are audited by
 * their handlers, inside the same transaction as their writes.
 */
async function recordRefusal(
  name: string,
  user: CurrentUser | null,
  requestId: string,
  details: Record<string, unknown>,
): Promise<void> {
  try {
    await audit(prisma, {
      actorId: user?.id ?? null,
      action: "action.refused",
      entityType: "action",
      entityId: name,
      details: JSON.parse(JSON.stringify(details)),
      requestId,
    });
  } catch (error) {
    logger.error({ err: error, action: name }, "could not audit a refusal");
  }
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
): ActionFailure {
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

/** `createPipelineAction` → "creating the pipeline", for messages. */
function describeAction(name: string): string {
  const [verb, ...rest] = name
    .replace(/Action$/, "")
    .replace(/([A-Z])/g, " $1")
    .trim()
    .toLowerCase()
    .split(" ");

  return [gerund(verb), ...(rest.length ? ["the", ...rest] : [])].join(" ");
}

const DOUBLED = new Set(["run", "set", "get", "submit", "cancel", "stop"]);

function gerund(verb: string): string {
  if (DOUBLED.has(verb)) return `${verb}${verb.at(-1)}ing`;
  if (verb.endsWith("e") && !verb.endsWith("ee")) {
    return `${verb.slice(0, -1)}ing`;
  }

  return `${verb}ing`;
}
