import {
  CreateComponentCommand,
  CreateImagePipelineCommand,
  DeleteImagePipelineCommand,
  GetImagePipelineCommand,
  InvalidParameterValueException,
  ListImagePipelineImagesCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  StartImagePipelineExecutionCommand,
  UpdateImagePipelineCommand,
  paginateListImagePipelineImages,
  paginateListImagePipelines,
} from "@aws-sdk/client-imagebuilder";
import { afterEach, describe, expect, it } from "vitest";

import {
  setEmulatorEventSink,
  type EmulatorEvent,
} from "@/lib/aws/emulator/events";

import {
  ACCOUNT,
  BUILD_SECONDS,
  REGION,
  bashDocument,
  buildSetup,
  collect,
  contract,
  corpusCase,
  failure,
  pipelineFor,
  type Contract,
} from "./support";

interface C51 {
  referenceTimeUtc: string;
  cases: {
    id: string;
    scheduleExpression: string;
    pipelineExecutionStartCondition?: string;
    timezone?: string;
  }[];
}

const { referenceTimeUtc, cases } = corpusCase<C51>("C51-cron-cases.json");

// From C51's .expect.md. k7 (no cron() wrapper) and k10 (blank after
// "cron(") are rejected: the API takes the wrapped form only and the
// service allows no leading or trailing blanks.
const NEXT_RUN: Record<string, string | null> = {
  k1: null,
  k2: null,
  k3: "2025-02-01T00:00:00.000Z",
  k4: "2025-01-16T00:00:00.000Z",
  k5: null,
  k6: "2025-02-11T22:30:00.000Z",
  k7: null,
  k8: "2025-01-20T15:00:00.000Z",
  k9: null,
  k10: null,
};

afterEach(() => setEmulatorEventSink(undefined));

async function pipeline(c: Contract, schedule?: Record<string, unknown>) {
  const setup = await buildSetup(c);

  return { setup, arn: await pipelineFor(c, setup, schedule ? { schedule } : {}) };
}

async function getPipeline(c: Contract, arn: string) {
  const out = await c.imagebuilder.send(
    new GetImagePipelineCommand({ imagePipelineArn: arn }),
  );

  return out.imagePipeline;
}

async function pipelineImages(c: Contract, arn: string) {
  const out = await c.imagebuilder.send(
    new ListImagePipelineImagesCommand({ imagePipelineArn: arn }),
  );

  return out.imageSummaryList ?? [];
}

describe("C51: schedule expressions", () => {
  for (const schedule of cases) {
    const expected = NEXT_RUN[schedule.id];
    const verdict = expected ? `accepts, next run ${expected}` : "rejects";

    it(`${schedule.id} ${schedule.scheduleExpression}: ${verdict}`, async () => {
      const c = contract({ start: new Date(referenceTimeUtc) });
      const { id: _id, ...input } = schedule;

      const result = pipeline(c, input);

      if (!expected) {
        const error = await failure(result);
        expect(error).toBeInstanceOf(InvalidParameterValueException);
        expect(error.message).toMatch(/schedule/);

        return;
      }
      const { arn } = await result;
      const got = await getPipeline(c, arn);
      expect(got?.dateNextRun).toBe(expected);
      expect(got?.schedule?.pipelineExecutionStartCondition).toBe(
        schedule.pipelineExecutionStartCondition ??
          "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
      );
    });
  }

  it("rejects unknown time zones and conditions", async () => {
    const c = contract();
    const zone = await failure(
      pipeline(c, {
        scheduleExpression: "cron(0 0 * * ? *)",
        timezone: "Mars/Olympus_Mons",
      }),
    );
    const condition = await failure(
      pipeline(contract(), {
        scheduleExpression: "cron(0 0 * * ? *)",
        pipelineExecutionStartCondition: "ALWAYS",
      }),
    );

    expect(zone).toBeInstanceOf(InvalidParameterValueException);
    expect(condition).toBeInstanceOf(InvalidParameterValueException);
  });
});

describe("scheduled runs", () => {
  it("a dependency-update schedule skips matches with nothing new", async () => {
    const c = contract({ start: new Date(referenceTimeUtc) });
    const { arn } = await pipeline(c, { scheduleExpression: "cron(0 0 * * ? *)" });

    c.clock.now = new Date("2025-01-16T00:00:30Z");
    const afterFirst = await pipelineImages(c, arn);
    c.clock.now = new Date("2025-01-17T00:00:30Z");
    const afterSecond = await pipelineImages(c, arn);
    await c.imagebuilder.send(
      new CreateComponentCommand({
        name: "web-component",
        semanticVersion: "1.0.1",
        platform: "Linux",
        data: bashDocument([{ phase: "build", name: "Hi", command: "echo 2" }]),
      }),
    );
    c.clock.now = new Date("2025-01-18T00:00:30Z");
    const afterUpdate = await pipelineImages(c, arn);
    const got = await getPipeline(c, arn);

    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0].buildType).toBe("SCHEDULED");
    expect(afterSecond).toHaveLength(1);
    expect(afterUpdate).toHaveLength(2);
    expect(got?.dateLastRun).toBe("2025-01-18T00:00:30.000Z");
    expect(got?.dateNextRun).toBe("2025-01-19T00:00:00.000Z");
  });

  it("EXPRESSION_MATCH_ONLY builds on every match, in the pipeline's zone", async () => {
    const c = contract({ start: new Date(referenceTimeUtc) });
    const { arn } = await pipeline(c, {
      scheduleExpression: "cron(0 7 ? * mon *)",
      timezone: "America/Los_Angeles",
      pipelineExecutionStartCondition: "EXPRESSION_MATCH_ONLY",
    });

    c.clock.now = new Date("2025-01-20T14:59:00Z");
    const before = await pipelineImages(c, arn);
    c.clock.now = new Date("2025-01-20T15:00:10Z");
    const first = await pipelineImages(c, arn);
    c.clock.now = new Date("2025-01-27T15:00:10Z");
    const second = await pipelineImages(c, arn);

    expect(before).toHaveLength(0);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
  });

  it("counts scheduled failures, reports lastRunStatus and auto-disables", async () => {
    const events: EmulatorEvent[] = [];
    setEmulatorEventSink(async (event) => {
      events.push(event);
    });
    const c = contract({ start: new Date(referenceTimeUtc) });
    const setup = await buildSetup(c, {
      document: bashDocument([{ phase: "build", name: "Boom", command: "exit 1" }]),
    });
    const arn = await pipelineFor(c, setup, {
      schedule: {
        scheduleExpression: "cron(0 0 * * ? *)",
        pipelineExecutionStartCondition: "EXPRESSION_MATCH_ONLY",
        autoDisablePolicy: { failureCount: 2 },
      },
    });
    await c.imagebuilder.send(
      new StartImagePipelineExecutionCommand({ imagePipelineArn: arn }),
    );
    c.advance(BUILD_SECONDS);
    const manual = await getPipeline(c, arn);

    c.clock.now = new Date("2025-01-16T00:00:10Z");
    await getPipeline(c, arn);
    c.advance(BUILD_SECONDS);
    const once = await getPipeline(c, arn);
    c.clock.now = new Date("2025-01-17T00:00:10Z");
    await getPipeline(c, arn);
    c.advance(BUILD_SECONDS);
    await getPipeline(c, arn);
    const disabled = await getPipeline(c, arn);
    await c.handler.idle();

    expect(manual?.lastRunStatus).toBe("FAILED");
    expect(manual?.consecutiveFailures).toBe(0);
    expect(once?.consecutiveFailures).toBe(1);
    expect(once?.status).toBe("ENABLED");
    expect(disabled?.consecutiveFailures).toBe(2);
    expect(disabled?.status).toBe("DISABLED");
    expect(disabled?.dateNextRun).toBeUndefined();
    const notice = events.find(
      (e) =>
        e["detail-type"] ===
        "EC2 Image Builder Image Pipeline Automatically Disabled",
    );
    expect(notice?.resources).toEqual([arn]);
    expect(notice?.detail).toEqual({ "consecutive-failures": "2" });
  });
});

describe("pipeline operations", () => {
  it("create, get, update, start, list images, delete", async () => {
    const c = contract();
    const { setup, arn } = await pipeline(c);

    const created = c.requests.at(-1);
    const duplicate = await failure(pipelineFor(c, setup));
    const start = await c.imagebuilder.send(
      new StartImagePipelineExecutionCommand({
        imagePipelineArn: arn,
        clientToken: "start-1",
      }),
    );
    const replay = await c.imagebuilder.send(
      new StartImagePipelineExecutionCommand({
        imagePipelineArn: arn,
        clientToken: "start-1",
      }),
    );
    await c.imagebuilder.send(
      new UpdateImagePipelineCommand({
        imagePipelineArn: arn,
        imageRecipeArn: setup.recipeArn,
        infrastructureConfigurationArn: setup.infrastructureArn,
        description: "nightly",
        status: "DISABLED",
      }),
    );
    const got = await getPipeline(c, arn);
    const pages = await collect(
      paginateListImagePipelineImages(
        { client: c.imagebuilder },
        { imagePipelineArn: arn },
      ),
    );

    expect(created).toMatchObject({ method: "PUT", path: "/CreateImagePipeline" });
    expect(arn).toBe(
      `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image-pipeline/web-pipeline`,
    );
    expect(duplicate).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(start.imageBuildVersionArn).toMatch(/image\/web-recipe\/1\.0\.0\/1$/);
    expect(replay.imageBuildVersionArn).toBe(start.imageBuildVersionArn);
    expect(got).toMatchObject({
      description: "nightly",
      status: "DISABLED",
      dateLastRun: "2025-06-01T10:00:00.000Z",
      lastRunStatus: "PENDING",
      platform: "Linux",
    });
    expect(got?.distributionConfigurationArn).toBeUndefined();
    expect(pages[0].imageSummaryList).toHaveLength(1);

    await c.imagebuilder.send(
      new DeleteImagePipelineCommand({ imagePipelineArn: arn }),
    );
    const gone = await failure(getPipeline(c, arn));
    const startGone = await failure(
      c.imagebuilder.send(
        new StartImagePipelineExecutionCommand({ imagePipelineArn: arn }),
      ),
    );
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(startGone).toBeInstanceOf(ResourceNotFoundException);
  });

  it("lists pipelines with the paginator and filters", async () => {
    const c = contract();
    const setup = await buildSetup(c);
    for (const name of ["p-one", "p-two", "p-three"]) {
      await c.imagebuilder.send(
        new CreateImagePipelineCommand({
          name,
          imageRecipeArn: setup.recipeArn,
          infrastructureConfigurationArn: setup.infrastructureArn,
        }),
      );
    }

    const pages = await collect(
      paginateListImagePipelines({ client: c.imagebuilder, pageSize: 2 }, {}),
    );
    const filtered = await collect(
      paginateListImagePipelines(
        { client: c.imagebuilder },
        { filters: [{ name: "name", values: ["p-two"] }] },
      ),
    );

    expect(pages.map((p) => p.imagePipelineList?.length)).toEqual([2, 1]);
    expect(filtered[0].imagePipelineList?.map((p) => p.name)).toEqual(["p-two"]);
  });
});
