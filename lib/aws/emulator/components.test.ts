import {
  CreateComponentCommand,
  CreateImageRecipeCommand,
  DeleteComponentCommand,
  DryRunOperationException,
  GetComponentCommand,
  InvalidPaginationTokenException,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  InvalidVersionNumberException,
  ListComponentsCommand,
  ResourceDependencyException,
  ResourceNotFoundException,
  paginateListComponents,
} from "@aws-sdk/client-imagebuilder";
import { describe, expect, it, vi } from "vitest";

vi.mock("./package-effects", async () => ({
  packageEffects: (await import("./test-stand-ins")).packageEffectsStandIn,
}));
vi.mock("./findings", async () => ({
  findingsForImage: (await import("./test-stand-ins")).findingsStandIn,
}));

import {
  ACCOUNT,
  AL2023_AMI,
  REGION,
  bashDocument,
  harness,
} from "./test-support";

const PREFIX = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:component`;
const buildDoc = bashDocument(
  [{ phase: "build", name: "Install", command: "yum install -y nginx" }],
  "parameters:\n  - Port:\n      type: string\n      default: '80'\n" +
    "      description: Listen port\n",
);
const testDoc = bashDocument([
  { phase: "test", name: "Check", command: "nginx -t" },
]);

function create(name: string, version: string, data = buildDoc) {
  return new CreateComponentCommand({
    name,
    semanticVersion: version,
    platform: "Linux",
    data,
  });
}

describe("components", () => {
  it("creates a component with a lower-cased ARN and parsed details", async () => {
    const { imagebuilder } = harness();

    const created = await imagebuilder.send(create("Web_Server Base", "1.2.3"));
    const { component } = await imagebuilder.send(
      new GetComponentCommand({
        componentBuildVersionArn: created.componentBuildVersionArn,
      }),
    );

    expect(created.componentBuildVersionArn).toBe(
      `${PREFIX}/web-server-base/1.2.3/1`,
    );
    expect(component).toMatchObject({
      name: "Web_Server Base",
      version: "1.2.3",
      type: "BUILD",
      platform: "Linux",
      owner: ACCOUNT,
      encrypted: true,
      state: { status: "ACTIVE" },
      parameters: [
        {
          name: "Port",
          type: "string",
          defaultValue: ["80"],
          description: "Listen port",
        },
      ],
    });
    expect(component?.dateCreated).toMatch(/^\d{4}-\d\d-\d\dT.*\.\d{3}Z$/);
  });

  it("derives TEST for a document with only a test phase", async () => {
    const { imagebuilder } = harness();

    const created = await imagebuilder.send(create("checks", "1.0.0", testDoc));
    const { component } = await imagebuilder.send(
      new GetComponentCommand({
        componentBuildVersionArn: created.componentBuildVersionArn,
      }),
    );

    expect(component?.type).toBe("TEST");
  });

  it("creates the next build for a repeated name and version", async () => {
    const { imagebuilder } = harness();

    await imagebuilder.send(create("nginx", "1.0.0"));
    const second = await imagebuilder.send(create("nginx", "1.0.0"));

    expect(second.componentBuildVersionArn).toBe(`${PREFIX}/nginx/1.0.0/2`);
    expect(second.latestVersionReferences?.latestVersionArn).toBe(
      `${PREFIX}/nginx/1.0.0/2`,
    );
  });

  it("rejects bad versions, names, platforms and data/uri combinations", async () => {
    const { imagebuilder } = harness();
    const fail = (input: Partial<CreateComponentCommand["input"]>) =>
      imagebuilder
        .send(
          new CreateComponentCommand({
            name: "comp",
            semanticVersion: "1.0.0",
            platform: "Linux",
            data: buildDoc,
            ...input,
          }),
        )
        .catch((e: unknown) => e);

    expect(await fail({ semanticVersion: "1.0" })).toBeInstanceOf(
      InvalidVersionNumberException,
    );
    expect(await fail({ semanticVersion: "1073741824.0.0" })).toBeInstanceOf(
      InvalidVersionNumberException,
    );
    expect(await fail({ name: "x" })).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(await fail({ platform: "Solaris" as "Linux" })).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(await fail({ uri: "s3://bucket/doc.yaml" })).toBeInstanceOf(
      InvalidParameterCombinationException,
    );
    expect(await fail({ data: "phases: [" })).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(await fail({ dryRun: true })).toBeInstanceOf(
      DryRunOperationException,
    );
  });

  it("resolves version and wildcard ARNs to the highest match", async () => {
    const { imagebuilder } = harness();
    for (const version of ["1.6.8", "1.7.8", "2.2.4"]) {
      await imagebuilder.send(create("base", version));
    }
    const get = async (suffix: string) =>
      (
        await imagebuilder.send(
          new GetComponentCommand({
            componentBuildVersionArn: `${PREFIX}/base/${suffix}`,
          }),
        )
      ).component?.version;

    expect(await get("x.x.x")).toBe("2.2.4");
    expect(await get("1.x.x")).toBe("1.7.8");
    expect(await get("1.6.x")).toBe("1.6.8");
    expect(await get("1.6.8")).toBe("1.6.8");
    await expect(get("x.2.x")).rejects.toBeInstanceOf(
      InvalidParameterValueException,
    );
    await expect(get("3.x.x")).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("lists the newest version per name, or every version byName", async () => {
    const { imagebuilder } = harness();
    await imagebuilder.send(create("alpha", "1.0.0"));
    await imagebuilder.send(create("alpha", "1.1.0"));
    await imagebuilder.send(create("beta", "1.0.0", testDoc));

    const latest = await imagebuilder.send(new ListComponentsCommand({}));
    const byName = await imagebuilder.send(
      new ListComponentsCommand({
        byName: true,
        filters: [{ name: "name", values: ["alpha"] }],
      }),
    );
    const tests = await imagebuilder.send(
      new ListComponentsCommand({
        filters: [{ name: "type", values: ["TEST"] }],
      }),
    );

    expect(latest.componentVersionList?.map((c) => c.arn)).toEqual([
      `${PREFIX}/alpha/1.1.0`,
      `${PREFIX}/beta/1.0.0`,
    ]);
    expect(byName.componentVersionList?.map((c) => c.version)).toEqual([
      "1.1.0",
      "1.0.0",
    ]);
    expect(tests.componentVersionList?.map((c) => c.name)).toEqual(["beta"]);
  });

  it("pages with the SDK paginator and omits nextToken on the last page", async () => {
    const { imagebuilder } = harness();
    for (let index = 0; index < 7; index += 1) {
      await imagebuilder.send(create(`comp-${index}`, "1.0.0"));
    }

    const pages = [];
    for await (const page of paginateListComponents(
      { client: imagebuilder, pageSize: 3 },
      {},
    )) {
      pages.push(page);
    }

    expect(pages.map((p) => p.componentVersionList?.length)).toEqual([3, 3, 1]);
    expect(pages[2].nextToken).toBeUndefined();
    expect(
      new Set(pages.flatMap((p) => p.componentVersionList!.map((c) => c.name)))
        .size,
    ).toBe(7);
  });

  it("rejects bad page sizes and tokens", async () => {
    const { imagebuilder } = harness();

    const tooBig = await imagebuilder
      .send(new ListComponentsCommand({ maxResults: 26 }))
      .catch((e: unknown) => e);
    const badToken = await imagebuilder
      .send(new ListComponentsCommand({ nextToken: "not-a-token" }))
      .catch((e: unknown) => e);

    expect(tooBig).toBeInstanceOf(InvalidParameterValueException);
    expect(badToken).toBeInstanceOf(InvalidPaginationTokenException);
  });

  it("refuses to delete a component a recipe uses", async () => {
    const { imagebuilder } = harness();
    const used = await imagebuilder.send(create("used", "1.0.0"));
    const free = await imagebuilder.send(create("free", "1.0.0"));
    await imagebuilder.send(
      new CreateImageRecipeCommand({
        name: "recipe",
        semanticVersion: "1.0.0",
        parentImage: AL2023_AMI,
        components: [{ componentArn: `${PREFIX}/used/x.x.x` }],
      }),
    );

    const blocked = await imagebuilder
      .send(
        new DeleteComponentCommand({
          componentBuildVersionArn: used.componentBuildVersionArn,
        }),
      )
      .catch((e: unknown) => e);
    const deleted = await imagebuilder.send(
      new DeleteComponentCommand({
        componentBuildVersionArn: free.componentBuildVersionArn,
      }),
    );
    const gone = await imagebuilder
      .send(
        new GetComponentCommand({
          componentBuildVersionArn: free.componentBuildVersionArn,
        }),
      )
      .catch((e: unknown) => e);

    expect(blocked).toBeInstanceOf(ResourceDependencyException);
    expect((blocked as Error).message).toContain("has other resources");
    expect(deleted.componentBuildVersionArn).toBe(
      free.componentBuildVersionArn,
    );
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });
});
