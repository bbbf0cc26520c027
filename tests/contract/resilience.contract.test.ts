import fs from "node:fs";
import path from "node:path";

import {
  CallRateLimitExceededException,
  CreateComponentCommand,
  CreateImageCommand,
  GetImageCommand,
  ListComponentsCommand,
  ListImagesCommand,
  ServiceException,
  ServiceUnavailableException,
  paginateListComponents,
} from "@aws-sdk/client-imagebuilder";
import {
  InternalServerException,
  ListFindingsCommand,
  ThrottlingException,
} from "@aws-sdk/client-inspector2";
import { afterEach, describe, expect, it } from "vitest";

import { clientToken } from "@/lib/aws/client-token";
import { clearFaults, injectFault, type FaultSpec } from "@/lib/aws/emulator/faults";
import { awsUserFacingError } from "@/lib/aws/errors";

import {
  BUILD_SECONDS,
  bashDocument,
  buildSetup,
  collect,
  contract,
  failure,
  type Contract,
} from "./support";

const open: Contract[] = [];

afterEach(() => {
  for (const c of open.splice(0)) clearFaults(c.handler);
});

/** Clients with the portal's retry settings (4 attempts). */
function portal(options: Parameters<typeof contract>[0] = {}) {
  const c = contract({ maxAttempts: 4, ...options });
  open.push(c);

  return c;
}

function fault(c: Contract, spec: FaultSpec) {
  injectFault(c.handler, spec);
}

const componentInput = {
  name: "retry-me",
  semanticVersion: "1.0.0",
  platform: "Linux" as const,
  data: bashDocument([{ phase: "build", name: "Hi", command: "echo hi" }]),
};

describe("retries through the SDK's strategy", () => {
  const transient: FaultSpec["kind"][] = [
    "throttle",
    "server-error",
    "unavailable",
    "timeout",
    "drop",
  ];

  for (const kind of transient) {
    it(`retries ${kind} and succeeds`, async () => {
      const c = portal();
      fault(c, { operation: "ListComponents", kind, times: 2, latencyMs: 20 });

      const out = await c.imagebuilder.send(new ListComponentsCommand({}));

      expect(out.$metadata.attempts).toBe(3);
      expect(c.requests).toHaveLength(3);
    });
  }

  it("gives up after maxAttempts and maps the error for the user", async () => {
    const c = portal();
    fault(c, { operation: "ListComponents", kind: "throttle", times: 10 });

    const error = await failure(c.imagebuilder.send(new ListComponentsCommand({})));

    expect(error).toBeInstanceOf(CallRateLimitExceededException);
    expect((error as CallRateLimitExceededException).$metadata.attempts).toBe(4);
    expect((error as CallRateLimitExceededException).$metadata.httpStatusCode).toBe(429);
    expect(awsUserFacingError(error, "listing components")?.message).toMatch(
      /^AWS is throttling requests while listing components/,
    );
  });

  it("dropped connections that never recover read as 'could not reach AWS'", async () => {
    const c = portal();
    fault(c, { operation: "*", kind: "drop", times: 10 });

    const error = await failure(c.imagebuilder.send(new ListImagesCommand({})));

    expect(awsUserFacingError(error, "listing images")?.message).toBe(
      "Could not reach AWS while listing images. Try again shortly.",
    );
  });

  it("Inspector2 throttling is retried too", async () => {
    const c = portal();
    fault(c, { operation: "ListFindings", kind: "throttle", times: 1 });

    const out = await c.inspector.send(new ListFindingsCommand({}));
    fault(c, { operation: "ListFindings", kind: "throttle", times: 9 });
    const error = await failure(c.inspector.send(new ListFindingsCommand({})));

    expect(out.$metadata.attempts).toBe(2);
    expect(error).toBeInstanceOf(ThrottlingException);
  });

  it("client errors are not retried", async () => {
    const c = portal();

    await failure(
      c.imagebuilder.send(new CreateComponentCommand({ ...componentInput, name: "x" })),
    );

    expect(c.requests).toHaveLength(1);
  });

  it("added latency delays the answer without failing it", async () => {
    const c = portal();
    fault(c, { operation: "ListComponents", kind: "latency", latencyMs: 120 });

    const started = Date.now();
    await c.imagebuilder.send(new ListComponentsCommand({}));

    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(c.requests).toHaveLength(1);
  });
});

describe("service-side error classes", () => {
  it("each injected fault surfaces as the service's modelled error", async () => {
    const c = contract();
    open.push(c);
    const expectations = [
      ["imagebuilder", "throttle", CallRateLimitExceededException, 429],
      ["imagebuilder", "server-error", ServiceException, 500],
      ["imagebuilder", "unavailable", ServiceUnavailableException, 503],
      ["inspector2", "throttle", ThrottlingException, 429],
      ["inspector2", "server-error", InternalServerException, 500],
    ] as const;

    for (const [service, kind, errorClass, status] of expectations) {
      const operation =
        service === "imagebuilder" ? "ListImages" : "ListFindings";
      fault(c, { operation, kind });
      const call =
        service === "imagebuilder"
          ? c.imagebuilder.send(new ListImagesCommand({}))
          : c.inspector.send(new ListFindingsCommand({}));
      const error = await failure(call);

      expect(error, `${service} ${kind}`).toBeInstanceOf(errorClass);
      expect((error as ServiceException).$metadata.httpStatusCode).toBe(status);
    }
  });
});

describe("no duplicate resource after a retried create", () => {
  it("a create committed before the connection dropped is replayed, not repeated", async () => {
    const c = portal();
    fault(c, { operation: "CreateComponent", kind: "drop-after-commit" });

    const out = await c.imagebuilder.send(new CreateComponentCommand(componentInput));
    const list = await c.imagebuilder.send(
      new ListComponentsCommand({ byName: true }),
    );

    expect(c.requests[0].body?.clientToken).toBe(c.requests[1].body?.clientToken);
    expect(out.$metadata.attempts).toBe(2);
    expect(out.componentBuildVersionArn).toMatch(/retry-me\/1\.0\.0\/1$/);
    expect(list.componentVersionList).toHaveLength(1);
  });

  it("the portal's derived token makes a resubmitted build the same build", async () => {
    const c = portal();
    const setup = await buildSetup(c);
    const input = {
      imageRecipeArn: setup.recipeArn,
      infrastructureConfigurationArn: setup.infrastructureArn,
    };
    const token = clientToken("CreateImage", { request: "build-42", ...input });
    fault(c, { operation: "CreateImage", kind: "drop-after-commit" });

    const first = await c.imagebuilder.send(
      new CreateImageCommand({ ...input, clientToken: token }),
    );
    const doubleClick = await c.imagebuilder.send(
      new CreateImageCommand({ ...input, clientToken: token }),
    );
    c.advance(BUILD_SECONDS);
    const images = await c.imagebuilder.send(
      new ListImagesCommand({ byName: true }),
    );
    const image = await c.imagebuilder.send(
      new GetImageCommand({ imageBuildVersionArn: first.imageBuildVersionArn }),
    );

    expect(doubleClick.imageBuildVersionArn).toBe(first.imageBuildVersionArn);
    expect(images.imageVersionList).toHaveLength(1);
    expect(image.image?.version).toBe("1.0.0/1");
  });
});

describe("state across restarts and concurrent writers", () => {
  it("two handlers on one file (two processes) lose no write", async () => {
    const a = contract();
    const b = contract({ stateFile: a.stateFile });
    b.clock.now = a.clock.now;

    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        (index % 2 === 0 ? a : b).imagebuilder.send(
          new CreateComponentCommand({ ...componentInput, name: `c-${index}` }),
        ),
      ),
    );
    const restarted = contract({ stateFile: a.stateFile });
    const pages = await collect(
      paginateListComponents({ client: restarted.imagebuilder }, {}),
    );

    const names = pages.flatMap((p) => p.componentVersionList ?? []).map((v) => v.name);
    expect(new Set(names).size).toBe(24);
    const text = fs.readFileSync(a.stateFile, "utf8");
    expect(() => JSON.parse(text)).not.toThrow();
    const leftovers = fs
      .readdirSync(path.dirname(a.stateFile))
      .filter((file) => file !== "state.json");
    expect(leftovers).toEqual([]);
  });

  it("a failed operation leaves the stored state untouched", async () => {
    const c = contract();
    await c.imagebuilder.send(new CreateComponentCommand(componentInput));
    const before = fs.readFileSync(c.stateFile, "utf8");

    await failure(
      c.imagebuilder.send(
        new CreateComponentCommand({ ...componentInput, name: "bad", uri: "s3://b/k" }),
      ),
    );

    expect(fs.readFileSync(c.stateFile, "utf8")).toBe(before);
  });
});

describe("fault injection is for tests only", () => {
  it("no product code imports the fault module", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          const text = fs.readFileSync(file, "utf8");
          if (/injectFault|emulator\/faults/.test(text)) offenders.push(file);
        }
      }
    };
    for (const dir of ["app", "components", "lib/builds", "lib/actions"]) {
      const full = path.join(root, dir);
      if (fs.existsSync(full)) walk(full);
    }

    expect(offenders).toEqual([]);
  });

  it("there is no HTTP route to switch faults on", async () => {
    const c = contract();

    const error = await failure(
      c.handler.handle({
        method: "POST",
        hostname: "imagebuilder.us-east-1.amazonaws.com",
        path: "/InjectFault",
        body: JSON.stringify({ operation: "*", kind: "throttle" }),
      }).then(async ({ response }) => {
        throw Object.assign(new Error("status"), { status: response.statusCode });
      }),
    );

    expect((error as Error & { status: number }).status).toBe(400);
  });
});
