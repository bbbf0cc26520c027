import "server-only";

import type { CurrentUser } from "../auth/session";
import { audit } from "../audit";
import { prisma } from "../db";
import { isUniqueViolation } from "../db-errors";
import type { GoldenImage } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import type { BuildRecipeInput } from "../validations/recipe";

interface SaveBuildInput {
  input: BuildRecipeInput;
  user: CurrentUser;
  requestId: string;
  golden: GoldenImage;
  requestHash: string;
  recipeArn: string;
  imageArn: string;
  infrastructureArn: string;
  distributionArn: string;
  /** Component version id → build ARN, for versions published just now. */
  published: Map<string, string>;
}

/** Records a started build and everything it created, in one transaction. */
export async function saveBuild(data: SaveBuildInput): Promise<{
  imageId: string;
}> {
  try {
    return await prisma.$transaction((tx) => writeBuild(tx, data));
  } catch (error) {
    // A concurrent identical request won the race: same ARN, same image.
    if (isUniqueViolation(error)) {
      const image = await prisma.image.findUnique({
        where: { arn: data.imageArn },
        select: { id: true },
      });
      if (image) return { imageId: image.id };
    }
    throw error;
  }
}

async function writeBuild(
  tx: Prisma.TransactionClient,
  data: SaveBuildInput,
): Promise<{ imageId: string }> {
  const { input, user, requestId } = data;
  const actor = { actorId: user.id, requestId };

  for (const [versionId, arn] of data.published) {
    await tx.componentVersion.update({
      where: { id: versionId },
      data: { arn, status: "published" },
    });
    await audit(tx, {
      ...actor,
      action: "component.publish",
      entityType: "ComponentVersion",
      entityId: versionId,
      details: { arn },
    });
  }

  const recipe = await tx.recipe.upsert({
    where: { nameKey: input.name.toLowerCase() },
    update: {},
    create: {
      nameKey: input.name.toLowerCase(),
      name: input.name,
      teamId: user.teamId!,
      goldenImageId: data.golden.id,
    },
  });
  const version = await tx.recipeVersion.create({
    data: {
      recipeId: recipe.id,
      version: input.version,
      description: input.description,
      parentImage: data.golden.parentImage,
      arn: data.recipeArn,
      requestHash: data.requestHash,
      createdById: user.id,
      components: {
        create: input.items.map((item, position) => ({
          position,
          componentVersionId: item.versionId,
          parameters: item.parameters,
        })),
      },
    },
  });
  await audit(tx, {
    ...actor,
    action: "recipe.create",
    entityType: "RecipeVersion",
    entityId: version.id,
    details: { name: input.name, version: input.version, arn: data.recipeArn },
  });

  const image = await tx.image.create({
    data: {
      arn: data.imageArn,
      version: versionOf(data.imageArn),
      status: "PENDING",
      buildType: "USER_INITIATED",
      teamId: user.teamId!,
      recipeVersionId: version.id,
      recipeId: recipe.id,
      goldenImageId: data.golden.id,
      createdById: user.id,
      infrastructureArn: data.infrastructureArn,
      distributionArn: data.distributionArn,
      events: { create: { status: "PENDING" } },
    },
  });
  await audit(tx, {
    ...actor,
    action: "image.build",
    entityType: "Image",
    entityId: image.id,
    details: { arn: data.imageArn, recipe: input.name, version: input.version },
  });

  return { imageId: image.id };
}

/** `…:image/<name>/1.0.0/3` → `1.0.0/3`. */
export function versionOf(imageArn: string): string {
  const parts = imageArn.split("/");

  return parts.slice(-2).join("/");
}
