import "server-only";

import { prisma } from "../db";
import { portalUrl } from "../env";
import { notifyTeam } from "../notifications/notify";
import { type Mail, type MailOutcome, sendMail } from "./send";
import { teamRecipients } from "./recipients";
import {
  buildFailedMail,
  componentReviewMail,
  findingsDigestMail,
  imageAvailableMail,
  type ImageFacts,
} from "./templates";

export async function mailBuildFailed(imageId: string): Promise<MailOutcome> {
  const image = await imageFacts(imageId);
  if (!image) return "no-recipients";

  return mailAboutImage(image.teamId, imageId, {
    dedupKey: `image-failed:${imageId}`,
    kind: "build-failed",
    ...buildFailedMail(image.facts, image.statusReason),
  });
}

export async function mailImageAvailable(
  imageId: string,
): Promise<MailOutcome> {
  const image = await imageFacts(imageId);
  if (!image) return "no-recipients";

  const amis = await prisma.imageAmi.findMany({
    where: { imageId },
    select: { region: true, accountId: true, amiId: true },
    orderBy: [{ region: "asc" }, { accountId: "asc" }],
  });

  return mailAboutImage(image.teamId, imageId, {
    dedupKey: `image-available:${imageId}`,
    kind: "image-available",
    ...imageAvailableMail(image.facts, amis),
  });
}

/**
 * Mails the team about one of its images and posts the same in the
 * portal, so engineers see it on their Notifications page. Only the call
 * that recorded the mail posts it: a second caller gets "duplicate".
 */
async function mailAboutImage(
  teamId: string,
  imageId: string,
  mail: Omit<Mail, "to">,
): Promise<MailOutcome> {
  const outcome = await sendMail({
    ...mail,
    to: await teamRecipients(teamId),
  });
  if (outcome === "sent" || outcome === "kept" || outcome === "failed") {
    await notifyTeam({
      teamId,
      kind: mail.kind,
      subject: mail.subject.replace(/^\[AMI portal\] /, ""),
      body: mail.text.split("\n\n")[0],
      link: `/images/${imageId}`,
    });
  }

  return outcome;
}

type DigestFinding = Parameters<typeof findingsDigestMail>[1][number];

/**
 * The digest of critical and high findings; nothing when there are none.
 * `all` is every finding of the image ordered by severity then CVE, when
 * the caller has just read them (the report archive), to save a read.
 */
export async function mailFindingsDigest(
  imageId: string,
  reportUrl: string | null,
  all?: DigestFinding[],
): Promise<MailOutcome | "nothing-to-report"> {
  const image = await imageFacts(imageId);
  if (!image) return "no-recipients";

  const findings = all
    ? all.filter((f) => f.severity === "CRITICAL" || f.severity === "HIGH")
    : await prisma.finding.findMany({
        where: { imageId, severity: { in: ["CRITICAL", "HIGH"] } },
        select: {
          vulnerabilityId: true,
          severity: true,
          packageName: true,
          fixedInVersion: true,
        },
        orderBy: [{ severity: "asc" }, { vulnerabilityId: "asc" }],
      });
  if (findings.length === 0) return "nothing-to-report";

  return mailAboutImage(image.teamId, imageId, {
    dedupKey: `findings-digest:${imageId}`,
    kind: "findings-digest",
    ...findingsDigestMail(image.facts, findings, reportUrl),
  });
}

/**
 * Tells the team of a version's author about a review decision (the same
 * team the in-portal notice goes to). Called after the decision is saved.
 */
export async function mailComponentReviewDecision(review: {
  componentVersionId: string;
  teamId: string;
  decision: "approved" | "rejected";
  reviewerName: string;
  comment?: string | null;
}): Promise<MailOutcome> {
  const version = await prisma.componentVersion.findUnique({
    where: { id: review.componentVersionId },
    select: { version: true, component: { select: { name: true } } },
  });
  if (!version) return "no-recipients";

  const name = version.component.name;
  const link = `/components/${encodeURIComponent(name)}?v=${version.version}`;

  return sendMail({
    dedupKey: `component-review:${review.componentVersionId}:${review.decision}`,
    kind: "component-review",
    to: await teamRecipients(review.teamId),
    ...componentReviewMail({
      component: name,
      version: version.version,
      decision: review.decision,
      reviewer: review.reviewerName,
      comment: review.comment,
      url: `${portalUrl()}${link}`,
    }),
  });
}

async function imageFacts(imageId: string): Promise<{
  teamId: string;
  statusReason: string | null;
  facts: ImageFacts;
} | null> {
  const image = await prisma.image.findUnique({
    where: { id: imageId },
    select: {
      teamId: true,
      version: true,
      statusReason: true,
      team: { select: { name: true } },
      pipeline: { select: { name: true } },
      recipeVersion: { select: { recipe: { select: { name: true } } } },
    },
  });
  if (!image) return null;

  return {
    teamId: image.teamId,
    statusReason: image.statusReason,
    facts: {
      recipe: image.recipeVersion.recipe.name,
      version: image.version,
      team: image.team.name,
      pipeline: image.pipeline?.name ?? null,
      url: `${portalUrl()}/images/${imageId}`,
    },
  };
}
