import "server-only";

import type { CurrentUser } from "../auth/session";
import { audit } from "../audit";
import { prisma } from "../db";
import { ForbiddenError, NotFoundError, UserFacingError } from "../errors";
import type { Logger } from "../logger";
import { mailComponentReviewDecision } from "../mail/notify";
import { notifyTeam, notifyTeams } from "../notifications/notify";
import { publishVersion, type PublishOutcome } from "./publish";
import { transition } from "./transitions";

interface ReviewContext {
  user: CurrentUser;
  requestId: string;
  log: Logger;
}

export interface ApproveOutcome extends PublishOutcome {
  name: string;
  version: string;
}

/**
 * submitted → approved, then published to Image Builder. Four eyes: the
 * author of a version can never approve it, whatever their role.
 */
export async function approveVersion(
  versionId: string,
  comment: string | undefined,
  ctx: ReviewContext,
): Promise<ApproveOutcome> {
  assertReviewer(ctx.user);
  const version = await loadVersion(versionId);
  if (version.createdById === ctx.user.id) {
    throw new ForbiddenError(
      "You wrote this version; another reviewer must approve it.",
    );
  }
  assertStatus(version, "submitted");

  const actor = { id: ctx.user.id, requestId: ctx.requestId };
  await prisma.$transaction(async (tx) => {
    await transition(tx, actor, {
      versionId,
      from: "submitted",
      to: "approved",
      action: "component.approve",
      data: reviewData(ctx.user, comment),
      details: { comment: comment || null },
    });
    await notifyTeam(
      {
        teamId: authorTeam(version),
        kind: "component.approved",
        subject: `${version.component.name} ${version.version} approved`,
        body:
          `${ctx.user.name} approved ${version.component.name} ` +
          `${version.version}.${comment ? ` Comment: ${comment}` : ""}`,
        link: componentLink(version),
      },
      tx,
    );
  });

  await mailDecision(version, "approved", comment, ctx);
  const outcome = await publishVersion(versionId, actor, ctx.log);

  return { ...outcome, name: version.component.name, version: version.version };
}

/** submitted → rejected; the comment tells the author what to change. */
export async function rejectVersion(
  versionId: string,
  comment: string,
  ctx: ReviewContext,
): Promise<void> {
  assertReviewer(ctx.user);
  const version = await loadVersion(versionId);
  assertStatus(version, "submitted");

  await prisma.$transaction(async (tx) => {
    await transition(tx, { id: ctx.user.id, requestId: ctx.requestId }, {
      versionId,
      from: "submitted",
      to: "rejected",
      action: "component.reject",
      data: reviewData(ctx.user, comment),
      details: { comment },
    });
    await notifyTeam(
      {
        teamId: authorTeam(version),
        kind: "component.rejected",
        subject: `${version.component.name} ${version.version} rejected`,
        body: `${ctx.user.name} rejected it: ${comment}`,
        link: componentLink(version),
      },
      tx,
    );
  });
  await mailDecision(version, "rejected", comment, ctx);
}

/** Mail follows the saved decision; a mail failure never undoes it. */
async function mailDecision(
  version: Awaited<ReturnType<typeof loadVersion>>,
  decision: "approved" | "rejected",
  comment: string | undefined,
  ctx: ReviewContext,
): Promise<void> {
  try {
    await mailComponentReviewDecision({
      componentVersionId: version.id,
      teamId: authorTeam(version),
      decision,
      reviewerName: ctx.user.name,
      comment,
    });
  } catch (error) {
    ctx.log.warn({ err: error }, "review decision mail not recorded");
  }
}

/** Publishes an approved version whose earlier publish failed. */
export async function retryPublish(
  versionId: string,
  ctx: ReviewContext,
): Promise<PublishOutcome> {
  assertReviewer(ctx.user);
  const version = await loadVersion(versionId);
  assertStatus(version, "approved");
  if (!version.submittedAt) {
    throw new UserFacingError(
      "Seeded versions are published by the first build that uses them.",
    );
  }

  return publishVersion(
    versionId,
    { id: ctx.user.id, requestId: ctx.requestId },
    ctx.log,
  );
}

/**
 * approved/published → deprecated. The composer stops offering it, and
 * every team with a recipe that uses it is warned.
 */
export async function deprecateVersion(
  versionId: string,
  note: string,
  ctx: ReviewContext,
): Promise<{ warnedTeams: number }> {
  assertReviewer(ctx.user);
  const version = await loadVersion(versionId);
  if (version.status !== "approved" && version.status !== "published") {
    throw new UserFacingError(
      `Only an approved version can be deprecated, not a ${version.status} one.`,
    );
  }

  const users = await prisma.recipeComponent.findMany({
    where: { componentVersionId: versionId },
    select: { recipeVersion: { select: { recipe: { select: { teamId: true } } } } },
  });
  const teams = new Set(users.map((u) => u.recipeVersion.recipe.teamId));
  const name = `${version.component.name} ${version.version}`;

  await prisma.$transaction(async (tx) => {
    await transition(tx, { id: ctx.user.id, requestId: ctx.requestId }, {
      versionId,
      from: version.status,
      to: "deprecated",
      action: "component.deprecate",
      data: { deprecatedAt: new Date(), deprecationNote: note },
      details: { note, warnedTeams: teams.size },
    });
    await notifyTeams(
      teams,
      {
        kind: "component.deprecated",
        subject: `${name} is deprecated`,
        body:
          `A recipe of your team uses ${name}, which is now deprecated: ` +
          `${note} New recipe versions cannot use it.`,
        link: componentLink(version),
      },
      tx,
    );
  });

  return { warnedTeams: teams.size };
}

/** CCOE decides which components every matching recipe must contain. */
export async function setMandatory(
  componentId: string,
  mandatory: boolean,
  ctx: ReviewContext,
): Promise<void> {
  assertReviewer(ctx.user);

  await prisma.$transaction(async (tx) => {
    const updated = await tx.component.updateMany({
      where: { id: componentId },
      data: { mandatory },
    });
    if (updated.count !== 1) throw new NotFoundError("The component");

    await audit(tx, {
      actorId: ctx.user.id,
      action: "component.mandatory",
      entityType: "Component",
      entityId: componentId,
      details: { mandatory },
      requestId: ctx.requestId,
    });
  });
}

function assertReviewer(user: CurrentUser): void {
  if (user.role !== "reviewer" && user.role !== "admin") {
    throw new ForbiddenError("Only CCOE reviewers can review components.");
  }
}

async function loadVersion(versionId: string) {
  const version = await prisma.componentVersion.findUnique({
    where: { id: versionId },
    include: {
      component: { select: { name: true, ownerTeamId: true } },
      createdBy: { select: { teamId: true } },
    },
  });
  if (!version) throw new NotFoundError("The component version");

  return version;
}

function assertStatus(
  version: { status: string; version: string },
  expected: string,
): void {
  if (version.status === expected) return;

  throw new UserFacingError(
    `Version ${version.version} is ${version.status}, not ${expected}.`,
  );
}

function reviewData(user: CurrentUser, comment: string | undefined) {
  return {
    reviewedById: user.id,
    reviewedAt: new Date(),
    reviewComment: comment || null,
  };
}

function authorTeam(version: Awaited<ReturnType<typeof loadVersion>>): string {
  return version.createdBy?.teamId ?? version.component.ownerTeamId;
}

function componentLink(version: {
  version: string;
  component: { name: string };
}): string {
  return `/components/${version.component.name}?v=${version.version}`;
}
