import {
  CreateComponentCommand,
  CreateDistributionConfigurationCommand,
  CreateImageRecipeCommand,
  CreateInfrastructureConfigurationCommand,
  DeleteImageRecipeCommand,
  GetDistributionConfigurationCommand,
  GetImageRecipeCommand,
  InvalidParameterValueException,
  ListDistributionConfigurationsCommand,
  ListImageRecipesCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  UpdateDistributionConfigurationCommand,
  UpdateInfrastructureConfigurationCommand,
  GetInfrastructureConfigurationCommand,
  DeleteInfrastructureConfigurationCommand,
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
  WINDOWS_AMI,
  bashDocument,
  harness,
} from "./test-support";

const PREFIX = `arn:aws:imagebuilder:${REGION}:${ACCOUNT}`;
const doc = bashDocument(
  [{ phase: "build", name: "Hello", command: "echo hello" }],
  "parameters:\n  - Greeting:\n      type: string\n",
);

async function withComponent() {
  const h = harness();
  const { componentBuildVersionArn } = await h.imagebuilder.send(
    new CreateComponentCommand({
      name: "hello",
      semanticVersion: "1.0.0",
      platform: "Linux",
      data: doc,
    }),
  );

  return { ...h, componentArn: componentBuildVersionArn! };
}

describe("image recipes", () => {
  it("creates, reads and lists a recipe on a base AMI", async () => {
    const { imagebuilder, componentArn } = await withComponent();

    const created = await imagebuilder.send(
      new CreateImageRecipeCommand({
        name: "Golden AL2023",
        semanticVersion: "1.0.0",
        parentImage: AL2023_AMI,
        components: [
          {
            componentArn,
            parameters: [{ name: "Greeting", value: ["hi"] }],
          },
        ],
      }),
    );
    const { imageRecipe } = await imagebuilder.send(
      new GetImageRecipeCommand({ imageRecipeArn: created.imageRecipeArn }),
    );
    const list = await imagebuilder.send(new ListImageRecipesCommand({}));

    expect(created.imageRecipeArn).toBe(
      `${PREFIX}:image-recipe/golden-al2023/1.0.0`,
    );
    expect(imageRecipe).toMatchObject({
      type: "AMI",
      platform: "Linux",
      parentImage: AL2023_AMI,
      owner: ACCOUNT,
      version: "1.0.0",
    });
    expect(list.imageRecipeSummaryList?.[0]?.name).toBe("Golden AL2023");
  });

  it("rejects duplicates with the service's message", async () => {
    const { imagebuilder, componentArn } = await withComponent();
    const input = {
      name: "dup",
      semanticVersion: "1.0.0",
      parentImage: AL2023_AMI,
      components: [{ componentArn }],
    };
    await imagebuilder.send(new CreateImageRecipeCommand(input));

    const error = await imagebuilder
      .send(new CreateImageRecipeCommand(input))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResourceAlreadyExistsException);
    expect((error as Error).message).toBe(
      "The following resource 'ImageRecipe' already exists: " +
        `'${PREFIX}:image-recipe/dup/1.0.0'.`,
    );
  });

  it("validates components, parameters and the parent image", async () => {
    const { imagebuilder, componentArn } = await withComponent();
    const fail = (input: object) =>
      imagebuilder
        .send(
          new CreateImageRecipeCommand({
            name: "recipe",
            semanticVersion: "1.0.0",
            parentImage: AL2023_AMI,
            components: [{ componentArn }],
            ...input,
          }),
        )
        .catch((e: unknown) => e);

    expect(await fail({ components: [] })).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(
      await fail({
        components: [{ componentArn: `${PREFIX}:component/nope/1.0.0/1` }],
      }),
    ).toBeInstanceOf(ResourceNotFoundException);
    expect(await fail({ parentImage: "ami-0123456789abcdef0" })).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(await fail({ parentImage: WINDOWS_AMI })).toBeInstanceOf(
      InvalidParameterValueException,
    );
    expect(
      await fail({
        components: [
          { componentArn, parameters: [{ name: "Nope", value: ["x"] }] },
        ],
      }),
    ).toBeInstanceOf(InvalidParameterValueException);
  });

  it("deletes a recipe", async () => {
    const { imagebuilder, componentArn } = await withComponent();
    const { imageRecipeArn } = await imagebuilder.send(
      new CreateImageRecipeCommand({
        name: "temp",
        semanticVersion: "1.0.0",
        parentImage: AL2023_AMI,
        components: [{ componentArn }],
      }),
    );

    await imagebuilder.send(new DeleteImageRecipeCommand({ imageRecipeArn }));
    const error = await imagebuilder
      .send(new GetImageRecipeCommand({ imageRecipeArn }))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("infrastructure and distribution configurations", () => {
  it("updates and deletes an infrastructure configuration", async () => {
    const { imagebuilder, advance } = harness();
    const { infrastructureConfigurationArn } = await imagebuilder.send(
      new CreateInfrastructureConfigurationCommand({
        name: "hosts",
        instanceProfileName: "profile",
      }),
    );
    advance(30);

    await imagebuilder.send(
      new UpdateInfrastructureConfigurationCommand({
        infrastructureConfigurationArn,
        instanceProfileName: "profile",
        instanceTypes: ["m5.large"],
      }),
    );
    const { infrastructureConfiguration } = await imagebuilder.send(
      new GetInfrastructureConfigurationCommand({
        infrastructureConfigurationArn,
      }),
    );
    await imagebuilder.send(
      new DeleteInfrastructureConfigurationCommand({
        infrastructureConfigurationArn,
      }),
    );

    expect(infrastructureConfiguration?.instanceTypes).toEqual(["m5.large"]);
    expect(infrastructureConfiguration?.dateUpdated).toBe(
      "2025-06-01T10:00:30.000Z",
    );
  });

  it("creates a distribution configuration with a default timeout", async () => {
    const { imagebuilder } = harness();
    const distributions = [
      { region: "us-east-1", amiDistributionConfiguration: { name: "x-{{ imagebuilder:buildDate }}" } },
      {
        region: "eu-west-1",
        amiDistributionConfiguration: { targetAccountIds: ["444455556666"] },
      },
    ];

    const { distributionConfigurationArn } = await imagebuilder.send(
      new CreateDistributionConfigurationCommand({ name: "dist", distributions }),
    );
    const { distributionConfiguration } = await imagebuilder.send(
      new GetDistributionConfigurationCommand({ distributionConfigurationArn }),
    );
    const list = await imagebuilder.send(
      new ListDistributionConfigurationsCommand({}),
    );

    expect(distributionConfiguration?.timeoutMinutes).toBe(720);
    expect(distributionConfiguration?.distributions).toHaveLength(2);
    expect(list.distributionConfigurationSummaryList?.[0]?.regions).toEqual([
      "us-east-1",
      "eu-west-1",
    ]);
  });

  it("rejects distributions without outputs or with bad accounts", async () => {
    const { imagebuilder } = harness();
    const fail = (distributions: object[]) =>
      imagebuilder
        .send(
          new CreateDistributionConfigurationCommand({
            name: "dist",
            distributions: distributions as never,
          }),
        )
        .catch((e: unknown) => e);

    const noOutput = await fail([{ region: "us-east-1" }]);
    const badAccount = await fail([
      {
        region: "us-east-1",
        amiDistributionConfiguration: { targetAccountIds: ["123"] },
      },
    ]);

    expect(noOutput).toBeInstanceOf(InvalidParameterValueException);
    expect((noOutput as Error).message).toBe(
      "The value supplied for parameter 'distributions[0]' is not valid. " +
        "One or more outputs should be provided for each region in a " +
        "distribution configuration.",
    );
    expect(badAccount).toBeInstanceOf(InvalidParameterValueException);
  });

  it("updates distributions and rejects a duplicate name", async () => {
    const { imagebuilder } = harness();
    const input = {
      name: "dist",
      distributions: [
        { region: "us-east-1", amiDistributionConfiguration: {} },
      ],
    };
    const { distributionConfigurationArn } = await imagebuilder.send(
      new CreateDistributionConfigurationCommand(input),
    );

    const duplicate = await imagebuilder
      .send(new CreateDistributionConfigurationCommand(input))
      .catch((e: unknown) => e);
    await imagebuilder.send(
      new UpdateDistributionConfigurationCommand({
        distributionConfigurationArn,
        distributions: [
          { region: "us-west-2", amiDistributionConfiguration: {} },
        ],
      }),
    );
    const { distributionConfiguration } = await imagebuilder.send(
      new GetDistributionConfigurationCommand({ distributionConfigurationArn }),
    );

    expect(duplicate).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(distributionConfiguration?.distributions?.[0]?.region).toBe(
      "us-west-2",
    );
  });
});
