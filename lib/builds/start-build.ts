import "server-only";

import {
  CreateComponentCommand,
  CreateImageCommand,
  CreateImageRecipeCommand,
  ResourceAlreadyExistsException,
} from "@aws-sdk/client-imagebuilder";

import type { ActionContext } from "../actions/safe-action";
import { imagebuilder } from "../aws/clients";
import { clientToken } from "../aws/client-token";
import { usableComponentVersions } from "../components/catalog";
import { prisma } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { BuildRecipeInput } from "../validations/recipe";
import { recipeRequest } from "../recipes/recipe-request";
import { checkRecipe, type CatalogComponent } from "../recipes/rules";
import {
  defaultDistributionArn,
  defaultInfrastructureArn,
} from "./shared-resources";
import { saveBuild } from "./save-build";

/**
 * Validates a recipe again on the server, creates what Image Builder lacks
 * and starts the build. AWS calls come first and are idempotent (derived
 * client tokens); the database rows and audit entries are written in one
 * transaction afterwards, so a failed call leaves nothing half-written.
 */
export interface StartedBuild {
  imageId: string;
  /** Set when this exact recipe was built before: that build, not a new one. */
  earlier?: { version: string };
}

export async function startBuild(
  input: BuildRecipeInput,
  ctx: Pick<ActionContext, "user" | "requestId" | "log">,
): Promise<StartedBuild> {
  const { user } = ctx;
  if (!user.teamId || !user.teamSlug) {
    throw new UserFacingError("Join a team before building images.");
  }

  const golden = await prisma.goldenImage.findUnique({
    where: { id: input.goldenImageId },
  });
  if (!golden) throw new NotFoundError("The golden image");

  const catalogList = await usableComponentVersions();
  const catalog = new Map(catalogList.map((c) => [c.versionId, c]));
  const issues = checkRecipe(input, golden, catalog);
  if (issues.length > 0) {
    throw new UserFacingError("The recipe has problems to fix first.", {
      fieldErrors: Object.fromEntries(
        issues.map((issue) => [issue.field, issue.message]),
      ),
    });
  }

  const draftRequest = recipeRequest(input, golden, catalog, {
    team: user.teamSlug,
    componentArn: (c) => c.versionId,
  });
  const requestHash = clientToken("recipe", draftRequest);
  const existing = await findExistingVersion(input, user.teamId, requestHash);
  if (existing) return existing;

  const used = input.items.map((item) => catalog.get(item.versionId)!);
  const published = await publishComponents(used, user.teamSlug);
  const arnOf = (c: CatalogComponent) => c.arn ?? published.get(c.versionId)!;
  const request = recipeRequest(input, golden, catalog, {
    team: user.teamSlug,
    componentArn: arnOf,
  });

  const recipeArn = await createRecipe(request);
  const infrastructureArn = await defaultInfrastructureArn();
  const distributionArn = await defaultDistributionArn();
  const imageInput = {
    imageRecipeArn: recipeArn,
    infrastructureConfigurationArn: infrastructureArn,
    distributionConfigurationArn: distributionArn,
    imageTestsConfiguration: { imageTestsEnabled: true, timeoutMinutes: 720 },
    imageScanningConfiguration: { imageScanningEnabled: true },
    enhancedImageMetadataEnabled: true,
    tags: request.tags,
  };
  const image = await imagebuilder().send(
    new CreateImageCommand({
      ...imageInput,
      clientToken: clientToken("CreateImage", imageInput),
    }),
  );
  ctx.log.info({ arn: image.imageBuildVersionArn }, "build started");

  return saveBuild({
    input,
    user,
    requestId: ctx.requestId,
    golden,
    requestHash,
    recipeArn,
    imageArn: image.imageBuildVersionArn!,
    infrastructureArn,
    distributionArn,
    published,
  });
}

async function findExistingVersion(
  input: BuildRecipeInput,
  teamId: string,
  requestHash: string,
): Promise<StartedBuild | null> {
  const recipe = await prisma.recipe.findUnique({
    where: { nameKey: input.name.toLowerCase() },
    select: { id: true, teamId: true, team: { select: { name: true } } },
  });
  if (!recipe) return null;
  if (recipe.teamId !== teamId) {
    throw new UserFacingError("That recipe name is taken.", {
      fieldErrors: {
        name: `A recipe named ${input.name} belongs to team ${recipe.team.name}.`,
      },
    });
  }

  const version = await prisma.recipeVersion.findUnique({
    where: { recipeId_version: { recipeId: recipe.id, version: input.version } },
    select: {
      requestHash: true,
      images: {
        select: { id: true, version: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!version) return null;
  if (version.requestHash !== requestHash || !version.images[0]) {
    throw new UserFacingError("That version already exists.", {
      fieldErrors: {
        version: `${input.name} ${input.version} exists with other contents; use a higher version.`,
      },
    });
  }

  // The same request again (a second click, or a later try) is the same
  // build; building anew takes a new version or a pipeline run.
  const [image] = version.images;

  return { imageId: image.id, earlier: { version: image.version } };
}

async function publishComponents(
  used: CatalogComponent[],
  team: string,
): Promise<Map<string, string>> {
  const published = new Map<string, string>();
  const missing = used.filter((component) => !component.arn);
  if (missing.length === 0) return published;

  const versions = await prisma.componentVersion.findMany({
    where: { id: { in: missing.map((c) => c.versionId) } },
    select: {
      id: true,
      version: true,
      document: true,
      changeDescription: true,
      component: {
        select: {
          name: true,
          description: true,
          platform: true,
          supportedOsVersions: true,
        },
      },
    },
  });

  for (const version of versions) {
    const input = {
      name: version.component.name,
      semanticVersion: version.version,
      description: version.component.description,
      changeDescription: version.changeDescription,
      platform: version.component.platform as "Linux" | "Windows",
      supportedOsVersions: version.component.supportedOsVersions,
      data: version.document,
      tags: { "portal:managed-by": "ami-portal", "portal:published-for": team },
    };
    const out = await imagebuilder().send(
      new CreateComponentCommand({
        ...input,
        clientToken: clientToken("CreateComponent", input),
      }),
    );
    published.set(version.id, out.componentBuildVersionArn!);
  }

  return published;
}

async function createRecipe(
  request: ReturnType<typeof recipeRequest>,
): Promise<string> {
  try {
    const out = await imagebuilder().send(
      new CreateImageRecipeCommand({
        ...request,
        clientToken: clientToken("CreateImageRecipe", request),
      }),
    );
    return out.imageRecipeArn!;
  } catch (error) {
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;

    throw new UserFacingError("Image Builder already has that version.", {
      fieldErrors: {
        version: `Image Builder already has ${request.name} ${request.semanticVersion} with other contents; use a higher version.`,
      },
    });
  }
}
