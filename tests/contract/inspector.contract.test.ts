import {
  CreateImageCommand,
  GetImageCommand,
} from "@aws-sdk/client-imagebuilder";
import {
  CreateFindingsReportCommand,
  GetFindingsReportStatusCommand,
  ListCoverageCommand,
  ListFindingAggregationsCommand,
  ListFindingsCommand,
  ResourceNotFoundException,
  ValidationException,
  paginateListCoverage,
  paginateListFindingAggregations,
  paginateListFindings,
  type Finding,
} from "@aws-sdk/client-inspector2";
import { beforeAll, describe, expect, it } from "vitest";

import {
  BUILD_SECONDS,
  REGION,
  STEP_SECONDS,
  buildSetup,
  collect,
  contract,
  failure,
  type Contract,
} from "./support";

let c: Contract;
let amiId: string;
let all: Finding[];

beforeAll(async () => {
  c = contract();
  const setup = await buildSetup(c);
  const image = await c.imagebuilder.send(
    new CreateImageCommand({
      imageRecipeArn: setup.recipeArn,
      infrastructureConfigurationArn: setup.infrastructureArn,
      distributionConfigurationArn: setup.distributionArn,
    }),
  );
  c.advance(BUILD_SECONDS);
  const got = await c.imagebuilder.send(
    new GetImageCommand({ imageBuildVersionArn: image.imageBuildVersionArn }),
  );
  amiId = String(got.image?.outputResources?.amis?.[0]?.image);
  const pages = await collect(
    paginateListFindings({ client: c.inspector, pageSize: 100 }, {}),
  );
  all = pages.flatMap((page) => page.findings ?? []);
});

function list(input: Record<string, unknown>) {
  return c.inspector.send(new ListFindingsCommand(input));
}

describe("ListFindings", () => {
  it("sends POST /findings/list with epoch-second dates; parses Dates back", async () => {
    const since = new Date("2025-01-01T00:00:00.500Z");

    const out = await list({
      maxResults: 5,
      filterCriteria: {
        ec2InstanceImageId: [{ comparison: "EQUALS", value: amiId }],
        firstObservedAt: [{ startInclusive: since }],
      },
    });

    const sent = c.last();
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe("/findings/list");
    expect(sent.hostname).toBe(`inspector2.${REGION}.amazonaws.com`);
    expect(sent.body?.filterCriteria).toEqual({
      ec2InstanceImageId: [{ comparison: "EQUALS", value: amiId }],
      firstObservedAt: [{ startInclusive: 1735689600.5 }],
    });
    expect(out.findings).toHaveLength(5);
    expect(out.findings?.[0]?.firstObservedAt).toBeInstanceOf(Date);
    expect(out.findings?.[0]?.remediation?.recommendation).toHaveProperty(
      "Url",
    );
    expect(out.nextToken).toBeDefined();
  });

  it("pages everything with the paginator; the last page has no token", async () => {
    const pages = await collect(
      paginateListFindings({ client: c.inspector, pageSize: 7 }, {}),
    );

    expect(pages.flatMap((p) => p.findings ?? [])).toHaveLength(all.length);
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    expect(pages.slice(0, -1).every((p) => p.findings?.length === 7)).toBe(
      true,
    );
  });

  it("an AMI filter answers exactly that AMI's findings among many", async () => {
    const d = contract();
    const setup = await buildSetup(d);
    const started = [];
    for (let n = 0; n < 3; n += 1) {
      started.push(
        await d.imagebuilder.send(
          new CreateImageCommand({
            imageRecipeArn: setup.recipeArn,
            infrastructureConfigurationArn: setup.infrastructureArn,
            distributionConfigurationArn: setup.distributionArn,
          }),
        ),
      );
    }
    d.advance(BUILD_SECONDS);
    const amis: string[] = [];
    for (const image of started) {
      const got = await d.imagebuilder.send(
        new GetImageCommand({
          imageBuildVersionArn: image.imageBuildVersionArn,
        }),
      );
      amis.push(String(got.image?.outputResources?.amis?.[0]?.image));
    }
    const found = async (filterCriteria?: Record<string, unknown>) => {
      const pages = await collect(
        paginateListFindings(
          { client: d.inspector, pageSize: 9 },
          { filterCriteria },
        ),
      );

      return pages.flatMap((p) => p.findings ?? []).map((f) => f.findingArn);
    };
    const everything = await collect(
      paginateListFindings({ client: d.inspector, pageSize: 100 }, {}),
    );
    const imageOf = (f: Finding) =>
      f.resources?.[0]?.details?.awsEc2Instance?.imageId;
    const expected = (wanted: string[]) =>
      everything
        .flatMap((p) => p.findings ?? [])
        .filter((f) => wanted.includes(String(imageOf(f))))
        .map((f) => f.findingArn);
    const equals = (value: string) => ({ comparison: "EQUALS", value });

    expect(new Set(amis).size).toBe(3);
    expect(await found({ ec2InstanceImageId: [equals(amis[1])] })).toEqual(
      expected([amis[1]]),
    );
    expect(expected([amis[1]]).length).toBeGreaterThan(0);
    expect(
      await found({ ec2InstanceImageId: [equals(amis[0]), equals(amis[2])] }),
    ).toEqual(expected([amis[0], amis[2]]));
    expect(
      await found({
        ec2InstanceImageId: [
          { comparison: "PREFIX", value: amis[2].slice(0, 12) },
        ],
      }),
    ).toEqual(
      expected(amis.filter((ami) => ami.startsWith(amis[2].slice(0, 12)))),
    );
  });

  it("filters by string EQUALS / PREFIX / NOT_EQUALS, numbers and packages", async () => {
    const high = all.filter((f) => f.severity === "HIGH").length;
    const notHigh = all.length - high;
    const scored = all.filter((f) => (f.inspectorScore ?? -1) >= 7).length;
    const cve = all[0].packageVulnerabilityDetails?.vulnerabilityId ?? "";
    const pkg =
      all[0].packageVulnerabilityDetails?.vulnerablePackages?.[0]?.name;
    const count = async (filterCriteria: Record<string, unknown>) => {
      const pages = await collect(
        paginateListFindings(
          { client: c.inspector, pageSize: 100 },
          { filterCriteria },
        ),
      );

      return pages.flatMap((p) => p.findings ?? []).length;
    };

    expect(
      await count({ severity: [{ comparison: "EQUALS", value: "HIGH" }] }),
    ).toBe(high);
    expect(
      await count({ severity: [{ comparison: "NOT_EQUALS", value: "HIGH" }] }),
    ).toBe(notHigh);
    expect(
      await count({
        vulnerabilityId: [{ comparison: "PREFIX", value: "CVE-" }],
      }),
    ).toBe(
      all.filter((f) =>
        f.packageVulnerabilityDetails?.vulnerabilityId?.startsWith("CVE-"),
      ).length,
    );
    expect(
      await count({ vulnerabilityId: [{ comparison: "EQUALS", value: cve }] }),
    ).toBeGreaterThanOrEqual(1);
    expect(await count({ inspectorScore: [{ lowerInclusive: 7 }] })).toBe(
      scored,
    );
    expect(
      await count({
        vulnerablePackages: [{ name: { comparison: "EQUALS", value: pkg } }],
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count({
        ec2InstanceImageId: [
          { comparison: "EQUALS", value: "ami-00000000000000000" },
        ],
      }),
    ).toBe(0);
    const observed = all[0].lastObservedAt as Date;
    const before = new Date(observed.getTime() - 1000);
    expect(await count({ lastObservedAt: [{ endInclusive: before }] })).toBe(0);
    expect(
      await count({
        lastObservedAt: [{ startInclusive: before, endInclusive: observed }],
      }),
    ).toBe(all.length);
  });

  it("sorts by the requested key", async () => {
    const out = await list({
      maxResults: 100,
      sortCriteria: { field: "INSPECTOR_SCORE", sortOrder: "ASC" },
    });

    const scores = (out.findings ?? []).map((f) => f.inspectorScore ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it("ValidationException for bad bounds, tokens and comparisons", async () => {
    const cases = [
      { maxResults: 0 },
      { maxResults: 101 },
      { nextToken: "not-a-token" },
      { filterCriteria: { severity: [{ comparison: "LIKE", value: "HIGH" }] } },
      { sortCriteria: { field: "COLOUR", sortOrder: "ASC" } },
    ];

    for (const input of cases) {
      const error = await failure(list(input));
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationException);
    }
    const bounds = (await failure(
      list({ maxResults: 101 }),
    )) as ValidationException;
    expect(bounds.reason).toBe("FIELD_VALIDATION_FAILED");
    expect(bounds.fields?.[0]?.name).toBe("maxResults");
    expect(bounds.$metadata.httpStatusCode).toBe(400);
  });
});

describe("ListFindingAggregations", () => {
  it("AMI, PACKAGE and TITLE aggregations add up to the findings", async () => {
    const ami = await c.inspector.send(
      new ListFindingAggregationsCommand({
        aggregationType: "AMI",
        aggregationRequest: {
          amiAggregation: { amis: [{ comparison: "EQUALS", value: amiId }] },
        },
      }),
    );
    const packages = await collect(
      paginateListFindingAggregations(
        { client: c.inspector, pageSize: 3 },
        { aggregationType: "PACKAGE" },
      ),
    );
    const titles = await collect(
      paginateListFindingAggregations(
        { client: c.inspector, pageSize: 50 },
        { aggregationType: "TITLE" },
      ),
    );

    expect(c.requests.at(-1)?.path).toBe("/findings/aggregation/list");
    const row = ami.responses?.[0]?.amiAggregation;
    expect(row?.ami).toBe(amiId);
    expect(row?.severityCounts?.all).toBe(all.length);
    expect(packages.at(-1)?.nextToken).toBeUndefined();
    expect(
      packages[0].responses?.[0]?.packageAggregation?.packageName,
    ).toBeTruthy();
    const titleRows = titles.flatMap((p) => p.responses ?? []);
    expect(titleRows).toHaveLength(new Set(all.map((f) => f.title)).size);
  });

  it("rejects a request member that does not match the type", async () => {
    const error = await failure(
      c.inspector.send(
        new ListFindingAggregationsCommand({
          aggregationType: "AMI",
          aggregationRequest: { packageAggregation: {} },
        }),
      ),
    );

    expect(error).toBeInstanceOf(ValidationException);
  });
});

describe("ListCoverage", () => {
  it("lists the scanned test instance with its AMI; filters and pages", async () => {
    const pages = await collect(
      paginateListCoverage({ client: c.inspector, pageSize: 1 }, {}),
    );
    const filtered = await c.inspector.send(
      new ListCoverageCommand({
        filterCriteria: {
          resourceType: [
            { comparison: "NOT_EQUALS", value: "AWS_EC2_INSTANCE" },
          ],
        },
      }),
    );
    const tooMany = await failure(
      c.inspector.send(new ListCoverageCommand({ maxResults: 201 })),
    );

    expect(c.requests.at(-2)?.path).toBe("/coverage/list");
    const resource = pages[0].coveredResources?.[0];
    expect(resource).toMatchObject({
      resourceType: "AWS_EC2_INSTANCE",
      scanType: "PACKAGE",
      scanStatus: { statusCode: "ACTIVE", reason: "SUCCESSFUL" },
      resourceMetadata: { ec2: { amiId, platform: "LINUX" } },
    });
    expect(resource?.lastScannedAt).toBeInstanceOf(Date);
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    expect(filtered.coveredResources).toEqual([]);
    expect(tooMany).toBeInstanceOf(ValidationException);
  });
});

describe("findings reports", () => {
  it("CreateFindingsReport then GetFindingsReportStatus to SUCCEEDED", async () => {
    const created = await c.inspector.send(
      new CreateFindingsReportCommand({
        reportFormat: "CSV",
        s3Destination: {
          bucketName: "reports",
          keyPrefix: "portal/",
          kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc",
        },
        filterCriteria: {
          ec2InstanceImageId: [{ comparison: "EQUALS", value: amiId }],
        },
      }),
    );
    const sent = c.last();
    const status = (reportId?: string) =>
      c.inspector.send(new GetFindingsReportStatusCommand({ reportId }));

    const early = await status(created.reportId);
    c.advance(STEP_SECONDS);
    const done = await status(created.reportId);
    const latest = await status();

    expect(sent).toMatchObject({ method: "POST", path: "/reporting/create" });
    expect(created.reportId).toMatch(/^[0-9a-f-]{36}$/);
    expect(early.status).toBe("IN_PROGRESS");
    expect(c.last().path).toBe("/reporting/status/get");
    expect(done).toMatchObject({
      reportId: created.reportId,
      status: "SUCCEEDED",
      destination: { bucketName: "reports", keyPrefix: "portal/" },
    });
    expect(latest.reportId).toBe(created.reportId);
  });

  it("no matching findings fails the report; bad input and ids are errors", async () => {
    const destination = {
      bucketName: "reports",
      kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/abc",
    };
    const empty = await c.inspector.send(
      new CreateFindingsReportCommand({
        reportFormat: "JSON",
        s3Destination: destination,
        filterCriteria: {
          ec2InstanceImageId: [{ comparison: "EQUALS", value: "ami-0000" }],
        },
      }),
    );
    c.advance(STEP_SECONDS);
    const failed = await c.inspector.send(
      new GetFindingsReportStatusCommand({ reportId: empty.reportId }),
    );
    const noKey = await failure(
      c.inspector.send(
        new CreateFindingsReportCommand({
          reportFormat: "CSV",
          s3Destination: { bucketName: "reports" } as never,
        }),
      ),
    );
    const unknown = await failure(
      c.inspector.send(
        new GetFindingsReportStatusCommand({
          reportId: "00000000-0000-4000-8000-000000000000",
        }),
      ),
    );

    expect(failed).toMatchObject({
      status: "FAILED",
      errorCode: "NO_FINDINGS_FOUND",
    });
    expect(noKey).toBeInstanceOf(ValidationException);
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });
});
