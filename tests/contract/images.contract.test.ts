import {
  CancelImageCreationCommand,
  CreateImageCommand,
  DeleteImageCommand,
  GetImageCommand,
  InvalidParameterException,
  InvalidParameterValueException,
  ListImagesCommand,
  ListTagsForResourceCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  paginateListImageBuildVersions,
  paginateListImagePackages,
  paginateListImageScanFindings,
  paginateListImages,
  paginateListWorkflowExecutions,
  ListImageScanFindingAggregationsCommand,
  ListImageScanFindingsCommand,
  ListWorkflowExecutionsCommand,
} from "@aws-sdk/client-imagebuilder";
import { describe, expect, it } from "vitest";

import {
  ACCOUNT,
  BUILD_SECONDS,
  REGION,
  STEP_SECONDS,
  bashDocument,
  buildSetup,
  collect,
  contract,
  failure,
  type Contract,
} from "./support";

const IMAGE = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}:image`;

async function startImage(
  c: Contract,
  options: Parameters<typeof buildSetup>[1] = {},
  extra: Record<string, unknown> = {},
) {
  const setup = await buildSetup(c, options);
  const out = await c.imagebuilder.send(
    new CreateImageCommand({
      imageRecipeArn: setup.recipeArn,
      infrastructureConfigurationArn: setup.infrastructureArn,
      distributionConfigurationArn: setup.distributionArn,
      ...extra,
    }),
  );

  return { setup, arn: String(out.imageBuildVersionArn) };
}

async function statusOf(c: Contract, arn: string) {
  const out = await c.imagebuilder.send(
    new GetImageCommand({ imageBuildVersionArn: arn }),
  );

  return out.image;
}

describe("CreateImage / GetImage lifecycle", () => {
  it("moves through every build status to AVAILABLE with scanState", async () => {
    const c = contract();
    const { arn } = await startImage(c, { regions: [REGION, "eu-west-1"] });

    expect(c.last()).toMatchObject({ method: "PUT", path: "/CreateImage" });
    expect(arn).toBe(`${IMAGE}/web-recipe/1.0.0/1`);
    const seen: string[] = [];
    for (let step = 0; step < 7; step += 1) {
      const image = await statusOf(c, arn);
      seen.push(`${image?.state?.status}/${image?.scanState?.status}`);
      c.advance(STEP_SECONDS);
    }

    expect(seen).toEqual([
      "PENDING/PENDING",
      "CREATING/PENDING",
      "BUILDING/SCANNING",
      "TESTING/SCANNING",
      "DISTRIBUTING/SCANNING",
      "INTEGRATING/SCANNING",
      "AVAILABLE/COMPLETED",
    ]);
    const image = await statusOf(c, arn);
    expect(image).toMatchObject({
      version: "1.0.0/1",
      type: "AMI",
      platform: "Linux",
      osVersion: "Amazon Linux 2023",
      buildType: "USER_INITIATED",
      imageSource: "CUSTOM",
      dateCreated: "2025-06-01T10:00:00.000Z",
    });
    expect(image?.outputResources?.amis?.map((a) => a.region)).toEqual([
      REGION,
      "eu-west-1",
    ]);
  });

  it("a failing build step fails in BUILDING, a failing test in TESTING", async () => {
    const c = contract();
    const failBuild = bashDocument([
      { phase: "build", name: "Broken", command: "exit 1" },
    ]);
    const failTest = bashDocument([
      { phase: "build", name: "Fine", command: "echo ok" },
      { phase: "test", name: "Check", command: "exit 1" },
    ]);
    const building = await startImage(c, { name: "a", document: failBuild });
    const testing = await startImage(c, { name: "b", document: failTest });

    c.advance(STEP_SECONDS * 2);
    expect((await statusOf(c, building.arn))?.state?.status).toBe("BUILDING");
    c.advance(STEP_SECONDS);
    const failed = await statusOf(c, building.arn);
    expect(failed?.state).toEqual({
      status: "FAILED",
      reason: "Step 'Broken' of component 'a-component' failed: exit status 1",
    });
    expect(failed?.scanState?.status).toBe("ABANDONED");
    expect((await statusOf(c, testing.arn))?.state?.status).toBe("TESTING");
    c.advance(STEP_SECONDS);
    expect((await statusOf(c, testing.arn))?.state?.status).toBe("FAILED");
    expect(failed?.outputResources?.amis).toEqual([]);
  });

  it("tests switched off skip TESTING; scanning off leaves no scanState", async () => {
    const c = contract();
    const { arn } = await startImage(c, {}, {
      imageTestsConfiguration: { imageTestsEnabled: false },
      imageScanningConfiguration: { imageScanningEnabled: false },
    });

    c.advance(STEP_SECONDS * 3);
    const image = await statusOf(c, arn);

    expect(image?.state?.status).toBe("DISTRIBUTING");
    expect(image?.scanState).toBeUndefined();
  });

  it("CancelImageCreation cancels a running build, not a finished one", async () => {
    const c = contract();
    const { arn } = await startImage(c);
    c.advance(STEP_SECONDS * 2);

    const out = await c.imagebuilder.send(
      new CancelImageCreationCommand({ imageBuildVersionArn: arn }),
    );
    c.advance(BUILD_SECONDS);
    const image = await statusOf(c, arn);
    const again = await failure(
      c.imagebuilder.send(
        new CancelImageCreationCommand({ imageBuildVersionArn: arn }),
      ),
    );

    expect(c.requests.at(-3)).toMatchObject({
      method: "PUT",
      path: "/CancelImageCreation",
    });
    expect(out.imageBuildVersionArn).toBe(arn);
    expect(image?.state?.status).toBe("CANCELLED");
    expect(image?.state?.reason).toMatch(/cancelled/);
    expect(again).toBeInstanceOf(ResourceInUseException);
  });

  it("DeleteImage refuses a running build, deletes a finished one", async () => {
    const c = contract();
    const { arn } = await startImage(c);
    const running = await failure(
      c.imagebuilder.send(new DeleteImageCommand({ imageBuildVersionArn: arn })),
    );
    c.advance(BUILD_SECONDS);

    const deleted = await c.imagebuilder.send(
      new DeleteImageCommand({ imageBuildVersionArn: arn }),
    );
    const gone = await failure(statusOf(c, arn));
    const versionOnly = await failure(
      c.imagebuilder.send(
        new DeleteImageCommand({ imageBuildVersionArn: `${IMAGE}/web-recipe/1.0.0` }),
      ),
    );

    expect(c.requests.at(-3)).toMatchObject({
      method: "DELETE",
      path: "/DeleteImage",
      query: { imageBuildVersionArn: arn },
    });
    expect(running).toBeInstanceOf(ResourceInUseException);
    expect(deleted.imageBuildVersionArn).toBe(arn);
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(versionOnly).toBeInstanceOf(InvalidParameterValueException);
  });
});

describe("image lists", () => {
  it("ListImages, ListImageBuildVersions and ListImagePackages page with the SDK", async () => {
    const c = contract();
    const { setup } = await startImage(c);
    for (let build = 2; build <= 4; build += 1) {
      await c.imagebuilder.send(
        new CreateImageCommand({
          imageRecipeArn: setup.recipeArn,
          infrastructureConfigurationArn: setup.infrastructureArn,
        }),
      );
    }
    c.advance(BUILD_SECONDS);

    const images = await collect(paginateListImages({ client: c.imagebuilder }, {}));
    const builds = await collect(
      paginateListImageBuildVersions(
        { client: c.imagebuilder, pageSize: 3 },
        { imageVersionArn: `${IMAGE}/web-recipe/1.0.0` },
      ),
    );
    const packages = await collect(
      paginateListImagePackages(
        { client: c.imagebuilder, pageSize: 1 },
        { imageBuildVersionArn: `${IMAGE}/web-recipe/1.0.0/4` },
      ),
    );

    expect(images[0].imageVersionList).toEqual([
      expect.objectContaining({
        arn: `${IMAGE}/web-recipe/1.0.0`,
        version: "1.0.0",
        owner: ACCOUNT,
      }),
    ]);
    expect(builds.map((p) => p.imageSummaryList?.length)).toEqual([3, 1]);
    expect(builds[0].imageSummaryList?.[0]?.version).toBe("1.0.0/1");
    expect(builds.at(-1)?.nextToken).toBeUndefined();
    const listed = packages.flatMap((p) => p.imagePackageList ?? []);
    expect(listed.length).toBe(packages.length);
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.every((p) => p.packageName && p.packageVersion)).toBe(true);
    expect(packages.at(-1)?.nextToken).toBeUndefined();
    const missing = await failure(
      c.imagebuilder.send(
        new ListImagesCommand({ filters: [{ name: "colour", values: ["x"] }] }),
      ),
    );
    expect(missing).toBeInstanceOf(InvalidParameterValueException);
  });

  it("workflow executions follow the build and report a failing step", async () => {
    const c = contract();
    const failTest = bashDocument([
      { phase: "build", name: "Fine", command: "echo ok" },
      { phase: "test", name: "Check", command: "exit 1" },
    ]);
    const { arn } = await startImage(c, { document: failTest });
    c.advance(STEP_SECONDS * 2 + 1);

    const running = await collect(
      paginateListWorkflowExecutions(
        { client: c.imagebuilder },
        { imageBuildVersionArn: arn },
      ),
    );
    c.advance(BUILD_SECONDS);
    const done = await c.imagebuilder.send(
      new ListWorkflowExecutionsCommand({
        imageBuildVersionArn: arn,
        maxResults: 1,
      }),
    );

    expect(c.last().path).toBe("/ListWorkflowExecutions");
    expect(running[0].workflowExecutions).toEqual([
      expect.objectContaining({ type: "BUILD", status: "RUNNING" }),
    ]);
    expect(done?.workflowExecutions?.[0]).toMatchObject({
      type: "BUILD",
      status: "COMPLETED",
      totalStepCount: 7,
      totalStepsSucceeded: 7,
      startTime: "2025-06-01T10:02:00.000Z",
      endTime: "2025-06-01T10:03:00.000Z",
    });
    expect(done?.workflowExecutions?.[0]?.workflowExecutionId).toMatch(/^wf-/);
    expect(done?.nextToken).toBeDefined();
    const all = await c.imagebuilder.send(
      new ListWorkflowExecutionsCommand({ imageBuildVersionArn: arn }),
    );
    expect(all.workflowExecutions?.map((w) => `${w.type}:${w.status}`)).toEqual([
      "BUILD:COMPLETED",
      "TEST:FAILED",
    ]);
    expect(all.workflowExecutions?.[1]?.message).toMatch(/Check/);
  });
});

describe("image scan findings", () => {
  it("lists findings per image, one filter at a time, and aggregates them", async () => {
    const c = contract();
    const { arn } = await startImage(c);
    c.advance(BUILD_SECONDS);

    const pages = await collect(
      paginateListImageScanFindings(
        { client: c.imagebuilder, pageSize: 5 },
        { filters: [{ name: "imageBuildVersionArn", values: [arn] }] },
      ),
    );
    const findings = pages.flatMap((p) => p.findings ?? []);
    const aggregation = await c.imagebuilder.send(
      new ListImageScanFindingAggregationsCommand({
        filter: { name: "imageBuildVersionArn", values: [arn] },
      }),
    );
    const account = await c.imagebuilder.send(
      new ListImageScanFindingAggregationsCommand({}),
    );
    const twoFilters = await failure(
      c.imagebuilder.send(
        new ListImageScanFindingsCommand({
          filters: [
            { name: "severity", values: ["HIGH"] },
            { name: "imageBuildVersionArn", values: [arn] },
          ],
        }),
      ),
    );

    expect(findings.length).toBeGreaterThan(5);
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    const first = findings[0];
    expect(first.imageBuildVersionArn).toBe(arn);
    expect(first.firstObservedAt).toBeInstanceOf(Date);
    expect(first.remediation?.recommendation).toHaveProperty("url");
    expect(first.packageVulnerabilityDetails?.vulnerabilityId).toMatch(/^CVE-/);
    const counts = aggregation.responses?.[0]?.imageAggregation?.severityCounts;
    expect(aggregation.aggregationType).toBe("imageBuildVersionArn");
    expect(counts?.all).toBe(findings.length);
    expect(counts?.critical).toBe(
      findings.filter((f) => f.severity === "CRITICAL").length,
    );
    expect(account.responses?.[0]?.accountAggregation?.accountId).toBe(ACCOUNT);
    expect(twoFilters).toBeInstanceOf(InvalidParameterValueException);
  });
});

describe("tags", () => {
  it("tag, list and untag through the /tags/{arn} routes", async () => {
    const c = contract();
    const { arn } = await startImage(c);

    await c.imagebuilder.send(
      new TagResourceCommand({ resourceArn: arn, tags: { team: "a", env: "b" } }),
    );
    const tagRequest = c.last();
    await c.imagebuilder.send(
      new UntagResourceCommand({ resourceArn: arn, tagKeys: ["env", "x"] }),
    );
    const untagRequest = c.last();
    const listed = await c.imagebuilder.send(
      new ListTagsForResourceCommand({ resourceArn: arn }),
    );
    const badArn = await failure(
      c.imagebuilder.send(
        new TagResourceCommand({ resourceArn: "arn:aws:s3:::bucket", tags: { a: "b" } }),
      ),
    );
    const missing = await failure(
      c.imagebuilder.send(
        new ListTagsForResourceCommand({ resourceArn: `${IMAGE}/none/1.0.0/1` }),
      ),
    );

    expect(tagRequest.method).toBe("POST");
    expect(tagRequest.path).toBe(`/tags/${encodeURIComponent(arn)}`);
    expect(untagRequest.method).toBe("DELETE");
    expect(untagRequest.query).toEqual({ tagKeys: ["env", "x"] });
    expect(listed.tags).toEqual({ team: "a" });
    expect(badArn).toBeInstanceOf(InvalidParameterException);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });
});
