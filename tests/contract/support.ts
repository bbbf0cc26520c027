// Contract-test set-up: the real SDK clients, wired to the emulator the way
// lib/aws/clients.ts wires them, through a handler that records requests.
import fs from "node:fs";
import path from "node:path";

import {
  CreateComponentCommand,
  CreateDistributionConfigurationCommand,
  CreateImagePipelineCommand,
  CreateImageRecipeCommand,
  CreateInfrastructureConfigurationCommand,
  ImagebuilderClient,
} from "@aws-sdk/client-imagebuilder";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { STSClient } from "@aws-sdk/client-sts";
import type { HttpHandlerOptions } from "@smithy/types";

import { retrySettings } from "@/lib/aws/clients";
import { createEmulatorHandler } from "@/lib/aws/emulator/handler";
import type { IncomingRequest } from "@/lib/aws/emulator/router";
import {
  ACCOUNT,
  AL2023_AMI,
  REGION,
  STEP_SECONDS,
  bashDocument,
  tempStateFile,
} from "@/lib/aws/emulator/test-support";

export { ACCOUNT, AL2023_AMI, REGION, STEP_SECONDS, bashDocument };

export interface Captured {
  method: string;
  hostname: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

export interface ContractOptions {
  stateFile?: string;
  /** Attempts per call; 1 (no retries) unless a test exercises them. */
  maxAttempts?: number;
  start?: Date;
}

export function contract(options: ContractOptions = {}) {
  const stateFile = options.stateFile ?? tempStateFile();
  const clock = { now: options.start ?? new Date("2025-06-01T10:00:00.000Z") };
  const handler = createEmulatorHandler({
    stateFile,
    region: REGION,
    accountId: ACCOUNT,
    stepSeconds: STEP_SECONDS,
    now: () => clock.now,
  });
  const requests: Captured[] = [];
  const capturing = {
    metadata: handler.metadata,
    destroy: () => undefined,
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    handle: (request: IncomingRequest, transport?: HttpHandlerOptions) => {
      requests.push(capture(request));

      return handler.handle(request, transport);
    },
  };
  const config = {
    region: REGION,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    requestHandler: capturing,
    ...retrySettings({ maxAttempts: options.maxAttempts ?? 1 }),
  };

  return {
    stateFile,
    handler,
    clock,
    requests,
    imagebuilder: new ImagebuilderClient(config),
    inspector: new Inspector2Client(config),
    sts: new STSClient(config),
    last: () => requests[requests.length - 1],
    advance: (seconds: number) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
  };
}

export type Contract = ReturnType<typeof contract>;

function capture(request: IncomingRequest): Captured {
  const raw = request.body;
  const text =
    raw === undefined || raw === null
      ? ""
      : typeof raw === "string"
        ? raw
        : new TextDecoder().decode(raw as Uint8Array);
  const headers = (request as { headers?: Record<string, string> }).headers;

  return {
    method: request.method,
    hostname: request.hostname,
    path: request.path,
    query: { ...(request.query ?? {}) },
    headers: { ...(headers ?? {}) },
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

/** Captures what an SDK call throws (or fails the test if it does not). */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("Expected the call to fail, but it succeeded.");
}

export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);

  return all;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A component, infrastructure, distribution and recipe ready to build. */
export async function buildSetup(
  c: Contract,
  options: {
    name?: string;
    document?: string;
    regions?: string[];
    targetAccountIds?: string[];
  } = {},
) {
  const name = options.name ?? "web";
  const component = await c.imagebuilder.send(
    new CreateComponentCommand({
      name: `${name}-component`,
      semanticVersion: "1.0.0",
      platform: "Linux",
      data:
        options.document ??
        bashDocument([{ phase: "build", name: "Hello", command: "echo hi" }]),
    }),
  );
  const infrastructure = await c.imagebuilder.send(
    new CreateInfrastructureConfigurationCommand({
      name: `${name}-infra`,
      instanceProfileName: "EC2InstanceProfileForImageBuilder",
    }),
  );
  const distribution = await c.imagebuilder.send(
    new CreateDistributionConfigurationCommand({
      name: `${name}-dist`,
      distributions: (options.regions ?? [REGION]).map((region) => ({
        region,
        amiDistributionConfiguration: {
          name: `${name}-{{ imagebuilder:buildDate }}`,
          ...(options.targetAccountIds && {
            targetAccountIds: options.targetAccountIds,
          }),
        },
      })),
    }),
  );
  const recipe = await c.imagebuilder.send(
    new CreateImageRecipeCommand({
      name: `${name}-recipe`,
      semanticVersion: "1.0.0",
      parentImage: AL2023_AMI,
      components: [
        {
          componentArn: String(component.componentBuildVersionArn).replace(
            /\/1\.0\.0\/1$/,
            "/x.x.x",
          ),
        },
      ],
    }),
  );

  return {
    componentArn: String(component.componentBuildVersionArn),
    infrastructureArn: String(infrastructure.infrastructureConfigurationArn),
    distributionArn: String(distribution.distributionConfigurationArn),
    recipeArn: String(recipe.imageRecipeArn),
  };
}

export async function pipelineFor(
  c: Contract,
  setup: Awaited<ReturnType<typeof buildSetup>>,
  extra: Record<string, unknown> = {},
) {
  const out = await c.imagebuilder.send(
    new CreateImagePipelineCommand({
      name: "web-pipeline",
      imageRecipeArn: setup.recipeArn,
      infrastructureConfigurationArn: setup.infrastructureArn,
      distributionConfigurationArn: setup.distributionArn,
      ...extra,
    }),
  );

  return String(out.imagePipelineArn);
}

/** Seconds for a default build (7 stages) to become AVAILABLE. */
export const BUILD_SECONDS = STEP_SECONDS * 7;

/** A case of the real-world corpus, copied byte for byte into fixtures/. */
export function corpusCase<T>(file: string): T {
  const dir = path.resolve(import.meta.dirname, "fixtures");

  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as T;
}
