import "server-only";

import { CreateComponentCommand } from "@aws-sdk/client-imagebuilder";

import { audit } from "../audit";
import { imagebuilder } from "../aws/clients";
import { clientToken } from "../aws/client-token";
import { awsUserFacingError } from "../aws/errors";
import { prisma } from "../db";
import { UserFacingError } from "../errors";
import type { Logger } from "../logger";
import { transition, type Actor } from "./transitions";

export interface PublishOutcome {
  arn: string | null;
  /** Set when Image Builder refused or failed; the version stays approved. */
  error: string | null;
}

/**
 * Creates an approved version in Image Builder and records its ARN. The
 * client token is derived from the version, so a retry after a lost answer
 * is the same request. A failure is recorded on the version, never thrown:
 * approval stays, and a reviewer can retry.
 */
export async function publishVersion(
  versionId: string,
  actor: Actor,
  log: Logger,
): Promise<PublishOutcome> {
  const version = await prisma.componentVersion.findUnique({
    where: { id: versionId },
    include: { component: true },
  });
  if (!version || version.status !== "approved" || version.arn) {
    throw new UserFacingError("Only an approved, unpublished version can be published.");
  }

  const { component } = version;
  const input = {
    name: component.name,
    semanticVersion: version.version,
    description: component.description,
    changeDescription: version.changeDescription,
    platform: component.platform as "Linux" | "Windows" | "macOS",
    supportedOsVersions: component.supportedOsVersions,
    data: version.document,
    tags: {
      "portal:managed-by": "ami-portal",
      "portal:component-version": version.id,
    },
  };

  // LIMITATION: if Image Builder already holds this name and version from
  // outside the portal (or after the client token's idempotency window),
  // CreateComponent fails with ResourceAlreadyExists; the version stays
  // approved-but-unpublished with that message until someone resolves it
  // in AWS. The portal does not adopt the existing build version's ARN.
  let arn: string;
  try {
    const out = await imagebuilder().send(
      new CreateComponentCommand({
        ...input,
        clientToken: clientToken("CreateComponent", input),
      }),
    );
    arn = out.componentBuildVersionArn!;
  } catch (error) {
    return recordFailure(versionId, actor, log, error);
  }

  await prisma.$transaction((tx) =>
    transition(tx, actor, {
      versionId,
      from: "approved",
      to: "published",
      action: "component.publish",
      data: { arn, publishedAt: new Date(), publishError: null },
      details: { arn },
    }),
  );
  log.info({ arn }, "component published");

  return { arn, error: null };
}

async function recordFailure(
  versionId: string,
  actor: Actor,
  log: Logger,
  error: unknown,
): Promise<PublishOutcome> {
  log.error({ err: error, versionId }, "component publish failed");
  const known = awsUserFacingError(error, "publishing the component");
  const message =
    known?.message ??
    `Publishing failed unexpectedly. Reference: ${actor.requestId}`;

  await prisma.$transaction(async (tx) => {
    await tx.componentVersion.updateMany({
      where: { id: versionId, status: "approved" },
      data: { publishError: message },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "component.publish.fail",
      entityType: "ComponentVersion",
      entityId: versionId,
      details: { from: "approved", to: "approved", error: message },
      requestId: actor.requestId,
    });
  });

  return { arn: null, error: message };
}
