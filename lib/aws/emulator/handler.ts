import { randomUUID } from "node:crypto";

import { HttpResponse } from "@smithy/protocol-http";

import { EmulatorError } from "./errors";
import { applyFault } from "./faults";
import { remember, replayIfRepeated } from "./idempotency";
import { type IncomingRequest, type Route, route } from "./router";
import { StateStore } from "./state-store";
import type { EmulatorState, Wire } from "./state-types";

export interface EmulatorOptions {
  stateFile: string;
  region: string;
  accountId: string;
  /** How long each image build stage lasts. */
  stepSeconds: number;
  now?: () => Date;
}

/**
 * The in-process Image Builder + Inspector2 emulator, shaped as an SDK
 * `requestHandler`: the SDK still serialises, parses, retries and pages.
 */
export class EmulatorHandler {
  readonly metadata = { handlerProtocol: "http/1.1" };
  private readonly store: StateStore;
  private readonly now: () => Date;

  constructor(private readonly options: EmulatorOptions) {
    this.store = new StateStore(options.stateFile);
    this.now = options.now ?? (() => new Date());
  }

  async handle(request: IncomingRequest): Promise<{ response: HttpResponse }> {
    const requestId = randomUUID();
    let service: Route["service"] | undefined;
    try {
      const target = route(request);
      service = target.service;
      await applyFault(this, target.service, target.name);
      const output = await this.run(target);
      const body =
        target.service === "imagebuilder" ? { requestId, ...output } : output;

      return respond(200, body, requestId);
    } catch (error) {
      const failure = toEmulatorError(error, service);
      const body = { message: failure.message, ...failure.extra };

      return respond(failure.status, body, requestId, {
        "x-amzn-errortype": failure.name,
      });
    }
  }

  destroy(): void {}

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  private async run(target: Route): Promise<Wire> {
    const { operation, name, input } = target;
    if (!operation.mutating) {
      return operation.run(this.context(target, await this.store.read()));
    }

    return this.store.mutate((state) => {
      const replay = operation.idempotent
        ? replayIfRepeated(state, name, input)
        : null;
      if (replay) return replay;

      const output = operation.run(this.context(target, state));
      if (operation.idempotent) remember(state, name, input, output);

      return output;
    });
  }

  private context(target: Route, state: EmulatorState) {
    return {
      input: target.input,
      pathArn: target.pathArn,
      state,
      now: this.now(),
      region: this.options.region,
      accountId: this.options.accountId,
      stepSeconds: this.options.stepSeconds,
    };
  }
}

export function createEmulatorHandler(
  options: EmulatorOptions,
): EmulatorHandler {
  return new EmulatorHandler(options);
}

declare global {
  var __awsEmulatorHandlers: Map<string, EmulatorHandler> | undefined;
}

/** One handler per state file, kept across Next.js module reloads. */
export function getEmulatorHandler(options: EmulatorOptions): EmulatorHandler {
  const handlers = (globalThis.__awsEmulatorHandlers ??= new Map());
  const existing = handlers.get(options.stateFile);
  if (existing) return existing;

  const handler = createEmulatorHandler(options);
  handlers.set(options.stateFile, handler);

  return handler;
}

function toEmulatorError(
  error: unknown,
  service: Route["service"] | undefined,
): EmulatorError {
  if (error instanceof EmulatorError) return error;
  const name =
    service === "inspector2" ? "InternalServerException" : "ServiceException";
  const detail = error instanceof Error ? error.message : String(error);

  return new EmulatorError(name, `Emulator internal error: ${detail}`);
}

function respond(
  status: number,
  body: Wire,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): { response: HttpResponse } {
  const headers = {
    "content-type": "application/json",
    "x-amzn-requestid": requestId,
    ...extraHeaders,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(body));

  return {
    response: new HttpResponse({ statusCode: status, headers, body: bytes }),
  };
}
