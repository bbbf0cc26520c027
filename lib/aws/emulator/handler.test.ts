import fs from "node:fs";

import {
  CallRateLimitExceededException,
  CreateComponentCommand,
  CreateInfrastructureConfigurationCommand,
  GetInfrastructureConfigurationCommand,
  IdempotentParameterMismatchException,
  InvalidParameterValueException,
  ListComponentBuildVersionsCommand,
  ListInfrastructureConfigurationsCommand,
  ResourceNotFoundException,
  ServiceException,
} from "@aws-sdk/client-imagebuilder";
import { describe, expect, it, vi } from "vitest";

vi.mock("./package-effects", async () => ({
  packageEffects: (await import("./test-stand-ins")).packageEffectsStandIn,
}));
vi.mock("./findings", async () => ({
  findingsForImage: (await import("./test-stand-ins")).findingsStandIn,
}));

import { clearFaults, injectFault } from "./faults";
import { getEmulatorHandler } from "./handler";
import { ACCOUNT, REGION, harness, tempStateFile } from "./test-support";

const infraInput = {
  name: "Build Hosts",
  instanceProfileName: "EC2InstanceProfileForImageBuilder",
  instanceTypes: ["t3.medium"],
};

describe("emulator handler wire behaviour", () => {
  it("answers with 200, a request id header and a requestId member", async () => {
    const { imagebuilder } = harness();

    const out = await imagebuilder.send(
      new CreateInfrastructureConfigurationCommand(infraInput),
    );

    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.requestId).toBe(out.$metadata.requestId);
    expect(out.infrastructureConfigurationArn).toBe(
      `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:` +
        "infrastructure-configuration/build-hosts",
    );
  });

  it("returns ISO date strings with milliseconds", async () => {
    const { imagebuilder } = harness();
    const { infrastructureConfigurationArn } = await imagebuilder.send(
      new CreateInfrastructureConfigurationCommand(infraInput),
    );

    const out = await imagebuilder.send(
      new GetInfrastructureConfigurationCommand({
        infrastructureConfigurationArn,
      }),
    );

    expect(out.infrastructureConfiguration?.dateCreated).toBe(
      "2025-06-01T10:00:00.000Z",
    );
  });

  it("maps unknown ARNs to ResourceNotFoundException with status 404", async () => {
    const { imagebuilder } = harness();
    const arn =
      `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:` +
      "infrastructure-configuration/missing";

    const error = await imagebuilder
      .send(
        new GetInfrastructureConfigurationCommand({
          infrastructureConfigurationArn: arn,
        }),
      )
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(
      404,
    );
  });

  it("reports validation failures in the service's message style", async () => {
    const { imagebuilder } = harness();

    const error = await imagebuilder
      .send(
        new CreateInfrastructureConfigurationCommand({
          ...infraInput,
          name: " bad name",
        }),
      )
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect((error as Error).message).toMatch(
      /^The value supplied for parameter 'name' is not valid\. /,
    );
  });

  it("replays a repeated clientToken and rejects a changed request", async () => {
    const { imagebuilder } = harness();
    const input = { ...infraInput, clientToken: "token-1" };

    const first = await imagebuilder.send(
      new CreateInfrastructureConfigurationCommand(input),
    );
    const again = await imagebuilder.send(
      new CreateInfrastructureConfigurationCommand(input),
    );
    const changed = await imagebuilder
      .send(
        new CreateInfrastructureConfigurationCommand({
          ...input,
          description: "different",
        }),
      )
      .catch((e: unknown) => e);
    const list = await imagebuilder.send(
      new ListInfrastructureConfigurationsCommand({}),
    );

    expect(again.infrastructureConfigurationArn).toBe(
      first.infrastructureConfigurationArn,
    );
    expect(again.clientToken).toBe("token-1");
    expect(changed).toBeInstanceOf(IdempotentParameterMismatchException);
    expect(list.infrastructureConfigurationSummaryList).toHaveLength(1);
  });

  it("persists state to the file and a new handler sees it", async () => {
    const first = harness();
    await first.imagebuilder.send(
      new CreateInfrastructureConfigurationCommand(infraInput),
    );

    const second = first.reopen();
    const list = await second.imagebuilder.send(
      new ListInfrastructureConfigurationsCommand({}),
    );

    expect(fs.existsSync(first.stateFile)).toBe(true);
    expect(list.infrastructureConfigurationSummaryList?.[0]?.name).toBe(
      "Build Hosts",
    );
  });

  it("serialises concurrent writes without losing any", async () => {
    const first = harness();
    const document =
      "schemaVersion: 1.0\nphases:\n  - name: build\n    steps: []\n";

    const created = await Promise.all(
      Array.from({ length: 8 }, () =>
        first.imagebuilder.send(
          new CreateComponentCommand({
            name: "parallel",
            semanticVersion: "1.0.0",
            platform: "Linux",
            data: document,
          }),
        ),
      ),
    );
    const builds = await first
      .reopen()
      .imagebuilder.send(
        new ListComponentBuildVersionsCommand({
          componentVersionArn:
            `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:` +
            "component/parallel/1.0.0",
          maxResults: 25,
        }),
      );

    const arns = created.map((out) => out.componentBuildVersionArn);
    expect(new Set(arns).size).toBe(8);
    expect(builds.componentSummaryList?.map((c) => c.arn).sort()).toEqual(
      [...arns].sort(),
    );
  });

  it("memoises one handler per state file on globalThis", () => {
    const options = {
      stateFile: tempStateFile(),
      region: REGION,
      accountId: ACCOUNT,
      stepSeconds: 1,
    };

    expect(getEmulatorHandler(options)).toBe(getEmulatorHandler(options));
    expect(
      getEmulatorHandler({ ...options, stateFile: tempStateFile() }),
    ).not.toBe(getEmulatorHandler(options));
  });

  it("injects throttling and server errors for tests only", async () => {
    const { handler, imagebuilder } = harness();
    injectFault(handler, {
      operation: "ListInfrastructureConfigurations",
      kind: "throttle",
    });
    injectFault(handler, {
      operation: "ListInfrastructureConfigurations",
      kind: "server-error",
    });
    const list = () =>
      imagebuilder
        .send(new ListInfrastructureConfigurationsCommand({}))
        .catch((e: unknown) => e);

    const throttled = await list();
    const failed = await list();
    const recovered = await list();

    expect(throttled).toBeInstanceOf(CallRateLimitExceededException);
    expect(failed).toBeInstanceOf(ServiceException);
    expect((failed as ServiceException).$metadata.httpStatusCode).toBe(500);
    expect(recovered).not.toBeInstanceOf(Error);
    clearFaults(handler);
  });

  it("injects latency", async () => {
    const { handler, imagebuilder } = harness();
    injectFault(handler, { operation: "*", kind: "latency", latencyMs: 60 });
    const started = Date.now();

    await imagebuilder.send(new ListInfrastructureConfigurationsCommand({}));

    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
