import "server-only";

import semver from "semver";

import { audit } from "../audit";
import type { CurrentUser } from "../auth/session";
import { prisma, type Tx } from "../db";
import { ForbiddenError, NotFoundError, UserFacingError } from "../errors";
import { notifyTeams } from "../notifications/notify";
import type {
  CreateComponentInput,
  CreateVersionInput,
  UpdateDraftInput,
} from "../validations/component";
import type { ComponentPlatform, DocumentSummary } from "./awstoe/validate";
import { checkDocument, documentFieldErrors } from "./document-check";
import { OS_FAMILIES } from "./os-families";
import { transition, type Actor } from "./transitions";

// Static pages under /components that a component name would shadow.
const RESERVED_NAMES = ["new", "review"];

interface Ref {
  name: string;
  version: string;
}

/**
 * Creates a component and its first version in one transaction, after the
 * document passed the same validation the editor runs. Nothing is written
 * when anything is wrong.
 */
export async function createComponent(
  input: CreateComponentInput,
  user: CurrentUser,
  requestId: string,
): Promise<Ref> {
  if (!user.teamId) {
    throw new UserFacingError("Join a team before authoring components.");
  }

  if (RESERVED_NAMES.includes(input.name.toLowerCase())) {
    throw new UserFacingError("That name is reserved.", {
      fieldErrors: { name: `${input.name} is a page of the portal.` },
    });
  }

  const taken = await prisma.component.findFirst({
    where: { name: { equals: input.name, mode: "insensitive" } },
    select: { name: true },
  });
  if (taken) {
    throw new UserFacingError("That component name is taken.", {
      fieldErrors: { name: `A component named ${taken.name} exists.` },
    });
  }

  const summary = validDocument(input.document, input.platform);
  const osVersions = input.supportedOsVersions.filter((os) =>
    OS_FAMILIES[input.platform].includes(os),
  );
  const actor = { id: user.id, requestId };
  const teamId = user.teamId;

  return prisma.$transaction(async (tx) => {
    const component = await tx.component.create({
      data: {
        name: input.name,
        platform: input.platform,
        supportedOsVersions: osVersions,
        type: summary.type,
        description: input.description,
        ownerTeamId: teamId,
      },
    });
    await audit(tx, {
      actorId: user.id,
      action: "component.create",
      entityType: "Component",
      entityId: component.id,
      details: { name: input.name, platform: input.platform },
      requestId,
    });
    await addVersion(tx, actor, component, input, summary);

    return { name: component.name, version: input.version };
  });
}

/** A new version of an existing component, as a draft or submitted. */
export async function createVersion(
  input: CreateVersionInput,
  user: CurrentUser,
  requestId: string,
): Promise<Ref> {
  const component = await prisma.component.findUnique({
    where: { id: input.componentId },
    include: { versions: { select: { id: true, version: true } } },
  });
  if (!component) throw new NotFoundError("The component");
  assertCanAuthor(user, component.ownerTeamId);
  assertNewVersion(input.version, component.versions);

  const summary = validDocument(input.document, platformOf(component));
  assertSameType(component.type, summary);

  return prisma.$transaction(async (tx) => {
    await addVersion(tx, { id: user.id, requestId }, component, input, summary);

    return { name: component.name, version: input.version };
  });
}

/** Replaces a draft's contents; a submitted version never changes. */
export async function updateDraft(
  input: UpdateDraftInput,
  user: CurrentUser,
  requestId: string,
): Promise<Ref> {
  const draft = await prisma.componentVersion.findUnique({
    where: { id: input.versionId },
    include: {
      component: {
        include: { versions: { select: { id: true, version: true } } },
      },
    },
  });
  if (!draft) throw new NotFoundError("The draft");

  const { component } = draft;
  assertCanAuthor(user, component.ownerTeamId);
  if (draft.status !== "draft") {
    throw new UserFacingError(
      `Version ${draft.version} is ${draft.status} and can no longer change.`,
    );
  }
  assertNewVersion(
    input.version,
    component.versions.filter((v) => v.id !== draft.id),
  );
  const summary = validDocument(input.document, platformOf(component));
  assertSameType(component.type, summary);
  const actor = { id: user.id, requestId };

  return prisma.$transaction(async (tx) => {
    const updated = await tx.componentVersion.updateMany({
      where: { id: draft.id, status: "draft" },
      data: {
        version: input.version,
        document: input.document,
        changeDescription: input.changeDescription,
        parameters: jsonOf(summary.parameters),
      },
    });
    if (updated.count !== 1) {
      throw new UserFacingError("The draft was submitted meanwhile.");
    }
    await audit(tx, {
      actorId: user.id,
      action: "component.draft.update",
      entityType: "ComponentVersion",
      entityId: draft.id,
      details: { from: "draft", to: "draft", version: input.version },
      requestId,
    });
    if (input.submit) await submitInTx(tx, actor, component, draft.id);

    return { name: component.name, version: input.version };
  });
}

/** draft → submitted: from here on the version is immutable. */
export async function submitVersion(
  versionId: string,
  user: CurrentUser,
  requestId: string,
): Promise<Ref> {
  const version = await prisma.componentVersion.findUnique({
    where: { id: versionId },
    include: { component: true },
  });
  if (!version) throw new NotFoundError("The version");
  assertCanAuthor(user, version.component.ownerTeamId);
  if (version.status !== "draft") {
    throw new UserFacingError(`Version ${version.version} is not a draft.`);
  }

  await prisma.$transaction((tx) =>
    submitInTx(tx, { id: user.id, requestId }, version.component, versionId),
  );

  return { name: version.component.name, version: version.version };
}

/** Who may write versions: the owner team, CCOE reviewers and admins. */
export function canAuthor(
  user: Pick<CurrentUser, "role" | "teamId">,
  ownerTeamId: string,
): boolean {
  if (user.role === "reviewer" || user.role === "admin") return true;

  return user.role === "engineer" && user.teamId === ownerTeamId;
}

function assertCanAuthor(user: CurrentUser, ownerTeamId: string): void {
  if (!canAuthor(user, ownerTeamId)) {
    throw new ForbiddenError(
      "Only the owning team or CCOE reviewers can change this component.",
    );
  }
}

function assertNewVersion(
  version: string,
  others: { version: string }[],
): void {
  const same = others.find((other) => other.version === version);
  const higher = others.find((other) => semver.gte(other.version, version));
  if (!same && !higher) return;

  const latest = others
    .map((other) => other.version)
    .sort(semver.rcompare)[0];
  throw new UserFacingError("Choose a higher version.", {
    fieldErrors: {
      version: same
        ? `Version ${version} exists already; versions never change.`
        : `Use a version above ${latest}, the latest one.`,
    },
  });
}

function validDocument(
  document: string,
  platform: ComponentPlatform,
): DocumentSummary {
  const check = checkDocument(document, platform);
  if (check.ok) return check.summary;

  const count = check.errors.length;
  throw new UserFacingError(
    `The document has ${count} error${count === 1 ? "" : "s"}; nothing was saved.`,
    { fieldErrors: documentFieldErrors(check.errors) },
  );
}

function assertSameType(type: "BUILD" | "TEST", summary: DocumentSummary) {
  if (summary.type === type) return;

  throw new UserFacingError("The component type would change.", {
    fieldErrors: {
      document:
        type === "TEST"
          ? "This is a test component: keep only the test phase."
          : "This is a build component: keep a build or validate phase.",
    },
  });
}

async function addVersion(
  tx: Tx,
  actor: Actor,
  component: { id: string; name: string },
  input: Pick<
    CreateVersionInput,
    "version" | "document" | "changeDescription" | "submit"
  >,
  summary: DocumentSummary,
): Promise<void> {
  const version = await tx.componentVersion.create({
    data: {
      componentId: component.id,
      version: input.version,
      status: "draft",
      document: input.document,
      parameters: jsonOf(summary.parameters),
      changeDescription: input.changeDescription,
      createdById: actor.id,
    },
  });
  await audit(tx, {
    actorId: actor.id,
    action: "component.version.create",
    entityType: "ComponentVersion",
    entityId: version.id,
    details: { from: null, to: "draft", version: input.version },
    requestId: actor.requestId,
  });
  if (input.submit) await submitInTx(tx, actor, component, version.id);
}

async function submitInTx(
  tx: Tx,
  actor: Actor,
  component: { name: string },
  versionId: string,
): Promise<void> {
  await transition(tx, actor, {
    versionId,
    from: "draft",
    to: "submitted",
    action: "component.submit",
    data: { submittedAt: new Date() },
  });

  const reviewers = await tx.team.findMany({
    where: { isCcoe: true },
    select: { id: true },
  });
  await notifyTeams(
    reviewers.map((team) => team.id),
    {
      kind: "component.submitted",
      subject: `${component.name}: a version awaits review`,
      body: `A new version of ${component.name} was submitted for review.`,
      link: "/components/review",
    },
    tx,
  );
}

function platformOf(component: { platform: string }): ComponentPlatform {
  return component.platform as ComponentPlatform;
}

function jsonOf<T>(value: T): object {
  return JSON.parse(JSON.stringify(value)) as object;
}
