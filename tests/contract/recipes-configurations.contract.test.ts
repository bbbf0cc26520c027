import {
  CreateDistributionConfigurationCommand,
  CreateImageCommand,
  CreateImageRecipeCommand,
  CreateInfrastructureConfigurationCommand,
  DeleteDistributionConfigurationCommand,
  DeleteImageRecipeCommand,
  DeleteInfrastructureConfigurationCommand,
  GetDistributionConfigurationCommand,
  GetImageCommand,
  GetImageRecipeCommand,
  GetInfrastructureConfigurationCommand,
  InvalidParameterValueException,
  InvalidVersionNumberException,
  ResourceAlreadyExistsException,
  ResourceDependencyException,
  ResourceNotFoundException,
  UpdateDistributionConfigurationCommand,
  UpdateInfrastructureConfigurationCommand,
  paginateListDistributionConfigurations,
  paginateListImageRecipes,
  paginateListInfrastructureConfigurations,
  type Distribution,
} from "@aws-sdk/client-imagebuilder";
import { describe, expect, it } from "vitest";

import {
  ACCOUNT,
  BUILD_SECONDS,
  REGION,
  buildSetup,
  collect,
  contract,
  corpusCase,
  failure,
  pipelineFor,
} from "./support";

const ARN = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}`;

interface C20 {
  imageRecipe: Record<string, unknown> & {
    components: { componentArn: string }[];
  };
  distributionConfiguration: { name: string; distributions: Distribution[] };
}

describe("image recipes", () => {
  it("C20: auto-versioned recipe on Amazon-managed parent and components", async () => {
    const c = contract();
    const { imageRecipe, distributionConfiguration } = corpusCase<C20>(
      "C20-recipe-autoversion-stig.json",
    );

    const first = await c.imagebuilder.send(
      new CreateImageRecipeCommand(imageRecipe as never),
    );
    const second = await c.imagebuilder.send(
      new CreateImageRecipeCommand(imageRecipe as never),
    );
    const dist = await c.imagebuilder.send(
      new CreateDistributionConfigurationCommand(distributionConfiguration),
    );

    expect(c.requests.at(-2)?.body?.semanticVersion).toBe("1.0.x");
    // The service assigns the next patch for each new recipe version.
    expect(first.imageRecipeArn).toBe(
      `${ARN}:image-recipe/example-al2023-hardened/1.0.0`,
    );
    expect(second.imageRecipeArn).toBe(
      `${ARN}:image-recipe/example-al2023-hardened/1.0.1`,
    );
    const got = await c.imagebuilder.send(
      new GetImageRecipeCommand({ imageRecipeArn: second.imageRecipeArn }),
    );
    expect(got.imageRecipe?.components?.[1]).toEqual({
      componentArn:
        "arn:aws:imagebuilder:us-east-1:aws:component/stig-build-linux/x.x.x",
      parameters: [{ name: "Level", value: ["High"] }],
    });
    expect(got.imageRecipe?.platform).toBe("Linux");
    expect(dist.distributionConfigurationArn).toBe(
      `${ARN}:distribution-configuration/example-share-to-app-account`,
    );
  });

  it("C20 negatives: 1.x.x as a new version, x.2.x as a selection", async () => {
    const c = contract();
    const { imageRecipe } = corpusCase<C20>("C20-recipe-autoversion-stig.json");
    const wrongVersion = { ...imageRecipe, semanticVersion: "1.x.x" };
    const wrongSelection = {
      ...imageRecipe,
      components: [
        {
          componentArn:
            "arn:aws:imagebuilder:us-east-1:aws:component/stig-build-linux/x.2.x",
        },
      ],
    };

    const versionError = await failure(
      c.imagebuilder.send(new CreateImageRecipeCommand(wrongVersion as never)),
    );
    const selectionError = await failure(
      c.imagebuilder.send(new CreateImageRecipeCommand(wrongSelection as never)),
    );

    expect(versionError).toBeInstanceOf(InvalidVersionNumberException);
    expect(selectionError).toBeInstanceOf(InvalidParameterValueException);
    expect(selectionError.message).toMatch(/all nodes to the right/);
  });

  it("duplicate name+version, unknown components, dependency on delete", async () => {
    const c = contract();
    const setup = await buildSetup(c);
    const duplicate = await failure(
      c.imagebuilder.send(
        new CreateImageRecipeCommand({
          name: "web-recipe",
          semanticVersion: "1.0.0",
          parentImage: "ami-0f3d2c1b4a5e6d753",
          components: [{ componentArn: setup.componentArn }],
        }),
      ),
    );
    const unknown = await failure(
      c.imagebuilder.send(
        new CreateImageRecipeCommand({
          name: "other",
          semanticVersion: "1.0.0",
          parentImage: "ami-0f3d2c1b4a5e6d753",
          components: [{ componentArn: `${ARN}:component/nope/x.x.x` }],
        }),
      ),
    );
    await pipelineFor(c, setup);
    const inUse = await failure(
      c.imagebuilder.send(
        new DeleteImageRecipeCommand({ imageRecipeArn: setup.recipeArn }),
      ),
    );

    expect(duplicate).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(duplicate.message).toContain(`${ARN}:image-recipe/web-recipe/1.0.0`);
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect(inUse).toBeInstanceOf(ResourceDependencyException);
    expect(c.last()).toMatchObject({
      method: "DELETE",
      path: "/DeleteImageRecipe",
      query: { imageRecipeArn: setup.recipeArn },
    });
  });

  it("lists recipes with the paginator", async () => {
    const c = contract();
    for (const name of ["a-recipe", "b-recipe", "c-recipe"]) {
      await buildSetup(c, { name });
    }

    const pages = await collect(
      paginateListImageRecipes({ client: c.imagebuilder, pageSize: 2 }, {}),
    );

    expect(pages.map((p) => p.imageRecipeSummaryList?.length)).toEqual([2, 1]);
    expect(pages[1].nextToken).toBeUndefined();
    expect(c.last()).toMatchObject({ method: "POST", path: "/ListImageRecipes" });
  });
});

describe("infrastructure configurations", () => {
  it("create, get, update, list, delete with their wire shapes", async () => {
    const c = contract();
    const created = await c.imagebuilder.send(
      new CreateInfrastructureConfigurationCommand({
        name: "Build Hosts",
        instanceProfileName: "EC2InstanceProfileForImageBuilder",
        instanceTypes: ["t3.medium"],
        instanceMetadataOptions: { httpTokens: "required" },
      }),
    );
    const arn = String(created.infrastructureConfigurationArn);
    c.advance(60);

    const updated = await c.imagebuilder.send(
      new UpdateInfrastructureConfigurationCommand({
        infrastructureConfigurationArn: arn,
        instanceProfileName: "OtherProfile",
        instanceTypes: ["m5.large"],
      }),
    );
    const got = await c.imagebuilder.send(
      new GetInfrastructureConfigurationCommand({
        infrastructureConfigurationArn: arn,
      }),
    );
    const duplicate = await failure(
      c.imagebuilder.send(
        new CreateInfrastructureConfigurationCommand({
          name: "build hosts",
          instanceProfileName: "X",
        }),
      ),
    );

    expect(arn).toBe(`${ARN}:infrastructure-configuration/build-hosts`);
    expect(updated.infrastructureConfigurationArn).toBe(arn);
    expect(c.requests[1]).toMatchObject({
      method: "PUT",
      path: "/UpdateInfrastructureConfiguration",
    });
    expect(got.infrastructureConfiguration).toMatchObject({
      arn,
      name: "Build Hosts",
      instanceProfileName: "OtherProfile",
      instanceTypes: ["m5.large"],
      dateCreated: "2025-06-01T10:00:00.000Z",
      dateUpdated: "2025-06-01T10:01:00.000Z",
    });
    expect(duplicate).toBeInstanceOf(ResourceAlreadyExistsException);

    const pages = await collect(
      paginateListInfrastructureConfigurations({ client: c.imagebuilder }, {}),
    );
    expect(pages[0].infrastructureConfigurationSummaryList?.[0]?.arn).toBe(arn);
    await c.imagebuilder.send(
      new DeleteInfrastructureConfigurationCommand({
        infrastructureConfigurationArn: arn,
      }),
    );
    const gone = await failure(
      c.imagebuilder.send(
        new GetInfrastructureConfigurationCommand({
          infrastructureConfigurationArn: arn,
        }),
      ),
    );
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });

  it("blocks deleting configurations a pipeline uses", async () => {
    const c = contract();
    const setup = await buildSetup(c);
    await pipelineFor(c, setup);

    const infra = await failure(
      c.imagebuilder.send(
        new DeleteInfrastructureConfigurationCommand({
          infrastructureConfigurationArn: setup.infrastructureArn,
        }),
      ),
    );
    const dist = await failure(
      c.imagebuilder.send(
        new DeleteDistributionConfigurationCommand({
          distributionConfigurationArn: setup.distributionArn,
        }),
      ),
    );

    expect(infra).toBeInstanceOf(ResourceDependencyException);
    expect(dist).toBeInstanceOf(ResourceDependencyException);
  });
});

interface C57 {
  distributionConfigurations: { name: string; distributions: Distribution[] }[];
}

describe("distribution configurations", () => {
  it("C57: all four real-world configurations are accepted", async () => {
    const c = contract();
    const { distributionConfigurations } = corpusCase<C57>(
      "C57-distribution-cross-account-org-ou.json",
    );

    for (const config of distributionConfigurations) {
      const out = await c.imagebuilder.send(
        new CreateDistributionConfigurationCommand(config),
      );
      expect(out.distributionConfigurationArn).toBe(
        `${ARN}:distribution-configuration/${config.name}`,
      );
    }
    const pages = await collect(
      paginateListDistributionConfigurations(
        { client: c.imagebuilder, pageSize: 3 },
        {},
      ),
    );
    const summaries = pages.flatMap(
      (p) => p.distributionConfigurationSummaryList ?? [],
    );
    expect(summaries.map((s) => s.regions)).toContainEqual([
      "us-east-1",
      "eu-west-1",
    ]);
  });

  it("C57: the multi-region org share builds one AMI per region and account", async () => {
    const c = contract();
    const { distributionConfigurations } = corpusCase<C57>(
      "C57-distribution-cross-account-org-ou.json",
    );
    const setup = await buildSetup(c);
    const dist = await c.imagebuilder.send(
      new CreateDistributionConfigurationCommand(distributionConfigurations[0]),
    );
    const image = await c.imagebuilder.send(
      new CreateImageCommand({
        imageRecipeArn: setup.recipeArn,
        infrastructureConfigurationArn: setup.infrastructureArn,
        distributionConfigurationArn: dist.distributionConfigurationArn,
      }),
    );
    c.advance(BUILD_SECONDS);

    const got = await c.imagebuilder.send(
      new GetImageCommand({ imageBuildVersionArn: image.imageBuildVersionArn }),
    );

    const amis = got.image?.outputResources?.amis ?? [];
    expect(amis.map((ami) => `${ami.region}/${ami.accountId}`).sort()).toEqual([
      `eu-west-1/${ACCOUNT}`,
      "eu-west-1/444455556666",
      "eu-west-1/777788889999",
      `us-east-1/${ACCOUNT}`,
      "us-east-1/444455556666",
    ]);
    expect(new Set(amis.map((ami) => ami.image)).size).toBe(5);
    expect(amis.every((ami) => /^ami-[0-9a-f]{17}$/.test(String(ami.image)))).toBe(
      true,
    );
    expect(amis[0].name).toBe("example-golden-2025-06-01T10-00-00.000Z");
  });

  it("rejects malformed sharing and regions without outputs", async () => {
    const c = contract();
    const send = (distributions: unknown[]) =>
      c.imagebuilder.send(
        new CreateDistributionConfigurationCommand({
          name: "bad",
          distributions: distributions as Distribution[],
        }),
      );
    const ami = (extra: Record<string, unknown>) => ({
      region: "us-east-1",
      amiDistributionConfiguration: { name: "x-{{ imagebuilder:buildDate }}", ...extra },
    });

    const cases = [
      [{ region: "us-east-1" }],
      [ami({ targetAccountIds: ["1234"] })],
      [ami({ launchPermission: { organizationArns: ["o-abc"] } })],
      [ami({ launchPermission: { userGroups: ["everyone"] } })],
      [ami({}), ami({})],
      [{ region: "nowhere", amiDistributionConfiguration: {} }],
    ];
    for (const distributions of cases) {
      const error = await failure(send(distributions));
      expect(error, JSON.stringify(distributions)).toBeInstanceOf(
        InvalidParameterValueException,
      );
    }
    const noOutputs = await failure(send(cases[0]));
    expect(noOutputs.message).toContain(
      "One or more outputs should be provided for each region",
    );
  });

  it("update replaces the distributions and keeps dateCreated", async () => {
    const c = contract();
    const setup = await buildSetup(c);
    c.advance(30);

    await c.imagebuilder.send(
      new UpdateDistributionConfigurationCommand({
        distributionConfigurationArn: setup.distributionArn,
        distributions: [
          { region: "eu-central-1", amiDistributionConfiguration: {} },
        ],
      }),
    );
    const got = await c.imagebuilder.send(
      new GetDistributionConfigurationCommand({
        distributionConfigurationArn: setup.distributionArn,
      }),
    );

    expect(got.distributionConfiguration?.distributions?.[0]?.region).toBe(
      "eu-central-1",
    );
    expect(got.distributionConfiguration?.dateCreated).toBe(
      "2025-06-01T10:00:00.000Z",
    );
    expect(got.distributionConfiguration?.dateUpdated).toBe(
      "2025-06-01T10:00:30.000Z",
    );
  });
});
