import {
  CreateComponentCommand,
  CreateImageRecipeCommand,
  DeleteComponentCommand,
  DryRunOperationException,
  GetComponentCommand,
  IdempotentParameterMismatchException,
  InvalidParameterException,
  InvalidPaginationTokenException,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  InvalidVersionNumberException,
  ListComponentBuildVersionsCommand,
  ListComponentsCommand,
  ResourceDependencyException,
  ResourceNotFoundException,
  paginateListComponentBuildVersions,
  TagResourceCommand,
  paginateListComponents,
} from "@aws-sdk/client-imagebuilder";
import { describe, expect, it } from "vitest";

import {
  ACCOUNT,
  AL2023_AMI,
  REGION,
  UUID,
  bashDocument,
  collect,
  contract,
  failure,
  type Contract,
} from "./support";

const DOC = bashDocument([{ phase: "build", name: "Hi", command: "echo hi" }]);
const PREFIX = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:component`;

function create(c: Contract, input: Record<string, unknown> = {}) {
  return c.imagebuilder.send(
    new CreateComponentCommand({
      name: "Web_Server Base",
      semanticVersion: "1.2.3",
      platform: "Linux",
      data: DOC,
      ...input,
    }),
  );
}

describe("CreateComponent / GetComponent / DeleteComponent", () => {
  it("sends PUT /CreateComponent with a JSON body and a generated token", async () => {
    const c = contract();

    const out = await create(c, { tags: { team: "payments" } });

    const sent = c.last();
    expect(sent.method).toBe("PUT");
    expect(sent.path).toBe("/CreateComponent");
    expect(sent.hostname).toBe(`imagebuilder.${REGION}.amazonaws.com`);
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(sent.body).toMatchObject({
      name: "Web_Server Base",
      semanticVersion: "1.2.3",
      platform: "Linux",
      tags: { team: "payments" },
    });
    expect(String(sent.body?.clientToken)).toMatch(UUID);
    expect(out.clientToken).toBe(sent.body?.clientToken);
    // Names are lower-cased in ARNs; spaces and underscores become '-'.
    expect(out.componentBuildVersionArn).toBe(
      `${PREFIX}/web-server-base/1.2.3/1`,
    );
    expect(out.latestVersionReferences?.latestVersionArn).toBe(
      `${PREFIX}/web-server-base/1.2.3/1`,
    );
  });

  it("GetComponent is a GET with the ARN in the query", async () => {
    const c = contract();
    const { componentBuildVersionArn } = await create(c);

    const out = await c.imagebuilder.send(
      new GetComponentCommand({ componentBuildVersionArn }),
    );

    expect(c.last()).toMatchObject({
      method: "GET",
      path: "/GetComponent",
      query: { componentBuildVersionArn },
      body: undefined,
    });
    expect(out.component).toMatchObject({
      arn: componentBuildVersionArn,
      name: "Web_Server Base",
      version: "1.2.3",
      type: "BUILD",
      platform: "Linux",
      owner: ACCOUNT,
      data: DOC,
      encrypted: true,
      state: { status: "ACTIVE" },
    });
    expect(out.component?.dateCreated).toBe("2025-06-01T10:00:00.000Z");
  });

  it("resolves x-wildcards to the highest version and rejects broken ones", async () => {
    const c = contract();
    for (const version of ["1.6.8", "1.7.8", "2.2.4"]) {
      await create(c, { semanticVersion: version });
    }
    const get = (suffix: string) =>
      c.imagebuilder.send(
        new GetComponentCommand({
          componentBuildVersionArn: `${PREFIX}/web-server-base/${suffix}`,
        }),
      );

    expect((await get("x.x.x")).component?.version).toBe("2.2.4");
    expect((await get("1.x.x")).component?.version).toBe("1.7.8");
    expect((await get("1.6.x")).component?.version).toBe("1.6.8");
    for (const broken of ["x.2.x", "1.x.8"]) {
      expect(await failure(get(broken))).toBeInstanceOf(
        InvalidParameterValueException,
      );
    }
  });

  it("the same name and version creates the next build version", async () => {
    const c = contract();
    await create(c);

    const second = await create(c);

    expect(second.componentBuildVersionArn).toBe(
      `${PREFIX}/web-server-base/1.2.3/2`,
    );
  });

  it("rejects what the service rejects, with the service's error classes", async () => {
    const c = contract();
    const cases: [Record<string, unknown>, unknown][] = [
      [{ name: " leading-space" }, InvalidParameterValueException],
      [{ name: "ab" }, InvalidParameterValueException],
      [{ semanticVersion: "1.0" }, InvalidVersionNumberException],
      [{ semanticVersion: "1.x.0" }, InvalidVersionNumberException],
      [{ semanticVersion: "1073741824.0.0" }, InvalidVersionNumberException],
      [{ platform: "linux" }, InvalidParameterValueException],
      [{ uri: "s3://bucket/doc.yaml" }, InvalidParameterCombinationException],
      [{ data: undefined }, InvalidParameterCombinationException],
      [{ tags: { "aws:reserved": "x" } }, InvalidParameterValueException],
      [{ dryRun: true }, DryRunOperationException],
    ];

    for (const [input, errorClass] of cases) {
      const error = await failure(create(c, input));
      expect(error, JSON.stringify(input)).toBeInstanceOf(errorClass);
    }
    const dryRun = await failure(create(c, { dryRun: true }));
    expect((dryRun as DryRunOperationException).$metadata.httpStatusCode).toBe(
      412,
    );
    const list = await c.imagebuilder.send(new ListComponentsCommand({}));
    expect(list.componentVersionList).toEqual([]);
  });

  it("replays a clientToken and rejects it with other parameters", async () => {
    const c = contract();
    const first = await create(c, { clientToken: "tok-1" });

    const again = await create(c, { clientToken: "tok-1" });
    const other = await failure(
      create(c, { clientToken: "tok-1", description: "changed" }),
    );

    expect(again.componentBuildVersionArn).toBe(first.componentBuildVersionArn);
    expect(other).toBeInstanceOf(IdempotentParameterMismatchException);
  });

  it("DeleteComponent: not found, in use, then deleted", async () => {
    const c = contract();
    const { componentBuildVersionArn } = await create(c);
    await c.imagebuilder.send(
      new CreateImageRecipeCommand({
        name: "uses-it",
        semanticVersion: "1.0.0",
        parentImage: AL2023_AMI,
        components: [{ componentArn: componentBuildVersionArn }],
      }),
    );
    const del = (arn: string) =>
      c.imagebuilder.send(
        new DeleteComponentCommand({ componentBuildVersionArn: arn }),
      );

    const missing = await failure(del(`${PREFIX}/nothing/1.0.0/1`));
    const inUse = await failure(del(String(componentBuildVersionArn)));
    const free = await create(c, { name: "free" });
    const deleted = await del(String(free.componentBuildVersionArn));

    expect(c.last()).toMatchObject({ method: "DELETE", path: "/DeleteComponent" });
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect((missing as ResourceNotFoundException).$metadata.httpStatusCode).toBe(
      404,
    );
    expect(inUse).toBeInstanceOf(ResourceDependencyException);
    expect(deleted.componentBuildVersionArn).toBe(free.componentBuildVersionArn);
  });
});

describe("ListComponents / ListComponentBuildVersions pagination", () => {
  it("pages with the SDK paginator; tokens are opaque; the last page has none", async () => {
    const c = contract();
    for (let index = 0; index < 7; index += 1) {
      await create(c, { name: `component-${index}` });
    }

    const pages = await collect(
      paginateListComponents({ client: c.imagebuilder, pageSize: 3 }, {}),
    );

    expect(pages.map((p) => p.componentVersionList?.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    const token = String(pages[0].nextToken);
    expect(token).not.toMatch(/^[0-9]+$/);
    expect(c.requests.at(-1)?.body).toMatchObject({ maxResults: 3, nextToken: pages[1].nextToken });
    const names = pages.flatMap((p) => p.componentVersionList ?? []).map((v) => v.name);
    expect(new Set(names).size).toBe(7);
    expect(pages[0].componentVersionList?.[0]?.arn).toBe(
      `${PREFIX}/component-0/1.2.3`,
    );
  });

  it("bounds maxResults to 1..25 and rejects forged tokens", async () => {
    const c = contract();
    const list = (input: Record<string, unknown>) =>
      c.imagebuilder.send(new ListComponentsCommand(input));

    expect(await failure(list({ maxResults: 0 }))).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(await failure(list({ maxResults: 26 }))).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(await failure(list({ nextToken: "forged" }))).toBeInstanceOf(
      InvalidPaginationTokenException,
    );
    expect((await list({ maxResults: 25 })).nextToken).toBeUndefined();
  });

  it("a token from one list is not valid for another", async () => {
    const c = contract();
    for (let index = 0; index < 3; index += 1) await create(c);
    const builds = await c.imagebuilder.send(
      new ListComponentBuildVersionsCommand({
        componentVersionArn: `${PREFIX}/web-server-base/1.2.3`,
        maxResults: 2,
      }),
    );

    const error = await failure(
      c.imagebuilder.send(
        new ListComponentsCommand({ nextToken: builds.nextToken }),
      ),
    );

    expect(error).toBeInstanceOf(InvalidPaginationTokenException);
    const pages = await collect(
      paginateListComponentBuildVersions(
        { client: c.imagebuilder, pageSize: 2 },
        { componentVersionArn: `${PREFIX}/web-server-base/1.2.3` },
      ),
    );
    expect(
      pages.flatMap((p) => p.componentSummaryList ?? []).map((s) => s.arn),
    ).toEqual([1, 2, 3].map((b) => `${PREFIX}/web-server-base/1.2.3/${b}`));
  });
});

describe("error wire format", () => {
  it("status, x-amzn-errortype header and JSON message per error", async () => {
    const c = contract();
    const get = (arn: string) =>
      c.handler.handle({
        method: "GET",
        hostname: `imagebuilder.${REGION}.amazonaws.com`,
        path: "/GetComponent",
        query: { componentBuildVersionArn: arn },
      });

    const invalid = (await get("not-an-arn")).response;
    const missing = (await get(`${PREFIX}/none/1.0.0/1`)).response;

    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers["x-amzn-errortype"]).toBe(
      "InvalidParameterValueException",
    );
    expect(invalid.headers["x-amzn-requestid"]).toMatch(UUID);
    const body = JSON.parse(
      new TextDecoder().decode(invalid.body as Uint8Array),
    ) as { message: string };
    expect(body.message).toMatch(
      /^The value supplied for parameter 'componentBuildVersionArn' is not valid\./,
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["x-amzn-errortype"]).toBe("ResourceNotFoundException");
  });
});

describe("clientToken and tag rules", () => {
  it("a token longer than 36 characters is rejected", async () => {
    const c = contract();

    const error = await failure(create(c, { clientToken: "t".repeat(37) }));

    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error.message).toMatch(/clientToken/);
  });

  it("TagResource rejects reserved keys with InvalidParameterException", async () => {
    const c = contract();
    const { componentBuildVersionArn } = await create(c);

    const error = await failure(
      c.imagebuilder.send(
        new TagResourceCommand({
          resourceArn: componentBuildVersionArn,
          tags: { "aws:owner": "x" },
        }),
      ),
    );

    expect(error).toBeInstanceOf(InvalidParameterException);
  });
});
