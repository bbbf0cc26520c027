import { randomUUID } from "node:crypto";

import { HttpResponse } from "@smithy/protocol-http";

import { deliverEvents, eventDeliveryEnabled } from "./event-delivery";
import type { EmulatorEvent } from "./event-envelope";
import { EmulatorError } from "./errors";
import {
  faultAfter,
  faultBefore,
  takeFault,
  type TransportOptions,
} from "./faults";
import { remember, replayIfRepeated } from "./idempotency";
import { type IncomingRequest, type Route, route } from "./router";
import { StateStore } from "./state-store";
import { isStsHost, stsResponse } from "./sts";
import type { EmulatorState, Wire } from "./state-types";
import { tick, tickNeeded } from "./tick";

export interface EmulatorOptions {
  stateFile: string;
  region: string;
  accountId: string;
  /** How long each image build stage lasts. */
  stepSeconds: number;
  now?: () => Date;
}

// LIMITATION: SigV4 signatures and IAM permissions are not checked; every
// caller is the emulator's one account.

/**
 * The in-process Image Builder + Inspector2 emulator, shaped as an SDK
 * `requestHandler`: the SDK still serialises, parses, retries and pages.
 */
export class EmulatorHandler {
  readonly metadata = { handlerProtocol: "http/1.1" };
  private readonly store: StateStore;
  private readonly now: () => Date;
  private delivery: Promise<void> = Promise.resolve();

  constructor(private readonly options: EmulatorOptions) {
    this.store = new StateStore(options.stateFile);
    this.now = options.now ?? (() => new Date());
  }

  async handle(
    request: IncomingRequest,
    transport: TransportOptions = {},
  ): Promise<{ response: HttpResponse }> {
    const requestId = randomUUID();
    if (isStsHost(request.hostname)) {
      return stsResponse(request.body, this.options.accountId, requestId);
    }
    let service: Route["service"] | undefined;
    try {
      const target = route(request);
      service = target.service;
      const fault = takeFault(this, target.name);
      await faultBefore(fault, target.service, transport);
      await this.tick();
      const output = await this.run(target);
      faultAfter(fault);
      const body =
        target.service === "imagebuilder" ? { requestId, ...output } : output;

      return respond(200, body, requestId);
    } catch (error) {
      if (isTransportError(error)) throw error;
      const failure = toEmulatorError(error, service);
      const body = { message: failure.message, ...failure.extra };

      return respond(failure.status, body, requestId, {
        "x-amzn-errortype": failure.name,
      });
    }
  }

  /**
   * Runs what the clock made due (scheduled builds, auto-disable, events)
   * and hands the events to the sink, in order, after the state is saved.
   */
  async tick(): Promise<void> {
    const scope = this.scope();
    if (!tickNeeded({ ...scope, state: await this.store.read() })) return;

    const events = await this.store.mutate((state) =>
      tickNeeded({ ...scope, state }) ? tick({ ...scope, state }) : [],
    );
    if (events.length > 0) this.enqueue(events);
  }

  /** Resolves once every event emitted so far was handed to the sink. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.delivery;
      await current;
    } while (current !== this.delivery);
  }

  /** Ticks on a timer so events flow even while nobody calls the API. */
  startClock(intervalMs: number): void {
    if (this.clock || !eventDeliveryEnabled()) return;
    this.clock = setInterval(() => {
      this.tick().catch(() => undefined);
    }, intervalMs);
    this.clock.unref();
  }

  stopClock(): void {
    clearInterval(this.clock);
    this.clock = undefined;
  }

  private clock: NodeJS.Timeout | undefined;

  private enqueue(events: EmulatorEvent[]): void {
    this.delivery = this.delivery
      .then(() => deliverEvents(events))
      .catch(() => undefined);
  }

  private scope() {
    return {
      input: {},
      now: this.now(),
      region: this.options.region,
      accountId: this.options.accountId,
      stepSeconds: this.options.stepSeconds,
    };
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
      ...this.scope(),
      input: target.input,
      pathArn: target.pathArn,
      state,
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
  handler.startClock(Math.max(1000, (options.stepSeconds * 1000) / 2));

  return handler;
}

/** Network-level failures travel to the SDK as thrown errors. */
function isTransportError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return (
    !(error instanceof EmulatorError) &&
    typeof code === "string" &&
    ["ECONNRESET", "ETIMEDOUT"].includes(code)
  ) || (error as Error | null)?.name === "AbortError";
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
