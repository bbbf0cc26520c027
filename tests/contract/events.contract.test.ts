import http from "node:http";
import type { AddressInfo } from "node:net";

import {
  CreateImageCommand,
  GetImageCommand,
} from "@aws-sdk/client-imagebuilder";
import { paginateListFindings } from "@aws-sdk/client-inspector2";
import { afterEach, describe, expect, it } from "vitest";

import {
  setEmulatorEventSink,
  type EmulatorEvent,
} from "@/lib/aws/emulator/events";

import { jsonPath, matches } from "./event-pattern";
import {
  ACCOUNT,
  BUILD_SECONDS,
  REGION,
  STEP_SECONDS,
  bashDocument,
  buildSetup,
  collect,
  contract,
  corpusCase,
  type Contract,
} from "./support";

const STATE_CHANGE = "EC2 Image Builder Image State Change";

afterEach(() => {
  setEmulatorEventSink(undefined);
  delete process.env.AWS_EMULATOR_EVENTS_URL;
  delete process.env.PORTAL_EVENTS_SECRET;
});

function capture(): EmulatorEvent[] {
  const events: EmulatorEvent[] = [];
  setEmulatorEventSink(async (event) => {
    events.push(event);
  });

  return events;
}

async function build(c: Contract, document?: string) {
  const setup = await buildSetup(c, { document });
  const out = await c.imagebuilder.send(
    new CreateImageCommand({
      imageRecipeArn: setup.recipeArn,
      infrastructureConfigurationArn: setup.infrastructureArn,
    }),
  );

  return String(out.imageBuildVersionArn);
}

async function poke(c: Contract, arn: string) {
  await c.imagebuilder.send(new GetImageCommand({ imageBuildVersionArn: arn }));
  await c.handler.idle();
}

describe("Image Builder state-change events", () => {
  it("one event per transition, in EventBridge's envelope, sent once", async () => {
    const events = capture();
    const c = contract();
    const arn = await build(c);

    for (let step = 0; step < 7; step += 1) {
      c.advance(STEP_SECONDS);
      await poke(c, arn);
    }
    await poke(c, arn);

    const changes = events.filter((e) => e["detail-type"] === STATE_CHANGE);
    expect(
      changes.map(
        (e) =>
          `${(e.detail["previous-state"] as { status: string }).status}>` +
          (e.detail.state as { status: string }).status,
      ),
    ).toEqual([
      "PENDING>CREATING",
      "CREATING>BUILDING",
      "BUILDING>TESTING",
      "TESTING>DISTRIBUTING",
      "DISTRIBUTING>INTEGRATING",
      "INTEGRATING>AVAILABLE",
    ]);
    expect(changes[0]).toEqual({
      version: "0",
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8/),
      "detail-type": STATE_CHANGE,
      source: "aws.imagebuilder",
      account: ACCOUNT,
      time: "2025-06-01T10:01:00Z",
      region: REGION,
      resources: [arn],
      detail: {
        "previous-state": { status: "PENDING" },
        state: { status: "CREATING" },
      },
    });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("a failure carries its reason; cursors survive a restart", async () => {
    const events = capture();
    const c = contract();
    const arn = await build(
      c,
      bashDocument([{ phase: "build", name: "Boom", command: "exit 1" }]),
    );
    c.advance(BUILD_SECONDS);
    await poke(c, arn);

    const reopened = contract({ stateFile: c.stateFile });
    reopened.clock.now = c.clock.now;
    await poke(reopened, arn);

    const last = events.at(-1);
    expect(last?.detail).toEqual({
      "previous-state": { status: "BUILDING" },
      state: {
        status: "FAILED",
        reason: "Step 'Boom' of component 'web-component' failed: exit status 1",
      },
    });
    expect(events.filter((e) => e.detail.state !== undefined)).toHaveLength(3);
  });
});

describe("Inspector2 Finding events", () => {
  it("one per finding when the image is scanned, with string timestamps", async () => {
    const events = capture();
    const c = contract();
    const arn = await build(c);
    c.advance(BUILD_SECONDS);
    await poke(c, arn);
    const findings = (
      await collect(paginateListFindings({ client: c.inspector }, {}))
    ).flatMap((page) => page.findings ?? []);

    const sent = events.filter((e) => e["detail-type"] === "Inspector2 Finding");

    expect(sent).toHaveLength(findings.length);
    expect(sent[0].source).toBe("aws.inspector2");
    expect(sent[0].resources[0]).toMatch(/^i-[0-9a-f]{17}$/);
    expect(sent[0].detail.findingArn).toBe(findings[0].findingArn);
    expect(sent[0].detail.firstObservedAt).toMatch(
      /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC \d{4}$/,
    );
  });
});

interface C43 {
  event: Record<string, unknown>;
  patterns: Record<string, Record<string, unknown>>;
  inputTransformerPaths: Record<string, string>;
}

describe("C43: rule patterns against the state-change event", () => {
  const corpus = corpusCase<C43>("C43-eventbridge-pattern-wrong-state.json");
  const expected: Record<string, boolean> = {
    p1_state_as_list: false,
    p2_state_status: true,
    p3_scoped_to_recipe: true,
    p4_other_recipe: false,
    p5_lowercase_status: false,
  };

  it("the corpus event matches exactly the patterns the case expects", () => {
    for (const [name, pattern] of Object.entries(corpus.patterns)) {
      expect(matches(pattern, corpus.event), name).toBe(expected[name]);
    }
  });

  it("the emulator's own AVAILABLE event has the same shape", async () => {
    const events = capture();
    const c = contract();
    const arn = await build(c);
    c.advance(BUILD_SECONDS);
    await poke(c, arn);
    const available = events.find(
      (e) => (e.detail.state as { status?: string })?.status === "AVAILABLE",
    );
    const scoped = {
      ...corpus.patterns.p3_scoped_to_recipe,
      resources: [{ prefix: `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image/web-recipe/` }],
    };

    expect(matches(corpus.patterns.p2_state_status, available)).toBe(true);
    expect(matches(scoped, available)).toBe(true);
    expect(matches(corpus.patterns.p1_state_as_list, available)).toBe(false);
    expect(matches(corpus.patterns.p5_lowercase_status, available)).toBe(false);
    const paths = corpus.inputTransformerPaths;
    expect(jsonPath(available, paths.imageArn)).toBeUndefined();
    expect(jsonPath(available, paths.buildDate)).toBeUndefined();
    expect(jsonPath(available, paths.region)).toBe(REGION);
    expect(jsonPath(available, paths.imageBuildVersionArn)).toBe(arn);
    expect(jsonPath(corpus.event, paths.region)).toBe("us-west-2");
  });
});

describe("delivery over HTTP", () => {
  it("POSTs each event to AWS_EMULATOR_EVENTS_URL with the shared key", async () => {
    const received: { headers: http.IncomingHttpHeaders; body: unknown }[] = [];
    const server = http.createServer((request, response) => {
      let text = "";
      request.on("data", (chunk) => (text += chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body: JSON.parse(text) });
        response.writeHead(received.length === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    process.env.AWS_EMULATOR_EVENTS_URL = `http://127.0.0.1:${port}/api/events`;
    process.env.PORTAL_EVENTS_SECRET = "s3cret";
    const c = contract();
    const arn = await build(c);

    c.advance(STEP_SECONDS * 2);
    await poke(c, arn);
    server.close();

    // The first attempt got a 503 and was retried: 1 + 2 events.
    expect(received).toHaveLength(3);
    expect(received[0].body).toEqual(received[1].body);
    expect(received[1].headers["x-portal-events-key"]).toBe("s3cret");
    expect(received[1].headers["content-type"]).toBe("application/json");
    expect(received.map((r) => (r.body as EmulatorEvent)["detail-type"])).toEqual(
      [STATE_CHANGE, STATE_CHANGE, STATE_CHANGE],
    );
  });

  it("sends nothing when no URL is configured", async () => {
    const { eventDeliveryEnabled } = await import(
      "@/lib/aws/emulator/event-delivery"
    );

    expect(eventDeliveryEnabled()).toBe(false);
    process.env.AWS_EMULATOR_EVENTS_URL = "http://127.0.0.1:9/events";
    expect(eventDeliveryEnabled()).toBe(true);
  });
});

describe("the emulator's clock", () => {
  it("sends events while nobody calls the API", async () => {
    const events = capture();
    const c = contract();
    const arn = await build(c);
    c.handler.startClock(10);

    c.advance(STEP_SECONDS * 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    c.handler.stopClock();
    await c.handler.idle();

    expect(events.map((e) => e.resources[0])).toEqual([arn, arn]);
  });
});
