import { getPrisma } from "@/lib/db";

/**
 * A portal image row with one AMI, without running a build: for tests of
 * what happens once findings arrive.
 */
export async function createImageRow(options: {
  name: string;
  teamSlug: string;
  status: string;
  amiId: string;
  creatorEmail: string;
}) {
  const prisma = getPrisma();
  const team = await prisma.team.findUniqueOrThrow({
    where: { slug: options.teamSlug },
  });
  const golden = await prisma.goldenImage.findFirstOrThrow({
    where: { slug: "ubuntu-22-04" },
  });
  const creator = await prisma.user.findUniqueOrThrow({
    where: { email: options.creatorEmail },
  });
  const arn = (kind: string) =>
    `arn:aws:imagebuilder:us-east-1:111122223333:${kind}/${options.name}/1.0.0`;
  const recipe = await prisma.recipe.create({
    data: {
      name: options.name,
      nameKey: options.name.toLowerCase(),
      teamId: team.id,
      goldenImageId: golden.id,
    },
  });
  const version = await prisma.recipeVersion.create({
    data: {
      recipeId: recipe.id,
      version: "1.0.0",
      parentImage: golden.parentImage,
      arn: arn("image-recipe"),
      requestHash: options.name,
      createdById: creator.id,
    },
  });

  return prisma.image.create({
    data: {
      arn: `${arn("image")}/1`,
      version: "1.0.0/1",
      status: options.status,
      buildType: "USER_INITIATED",
      teamId: team.id,
      recipeId: recipe.id,
      recipeVersionId: version.id,
      goldenImageId: golden.id,
      createdById: creator.id,
      infrastructureArn: arn("infrastructure-configuration"),
      distributionArn: arn("distribution-configuration"),
      findingsCollectedAt: options.status === "AVAILABLE" ? new Date() : null,
      amis: {
        create: { region: "us-east-1", accountId: "", amiId: options.amiId },
      },
    },
  });
}
