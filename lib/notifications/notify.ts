import "server-only";

import { prisma, type Tx } from "../db";

export interface TeamNotice {
  teamId: string;
  /** Machine-readable, e.g. `component.approved`. */
  kind: string;
  subject: string;
  body: string;
  /** Portal path the notice points at. */
  link?: string;
}

/**
 * The one way to tell a team something. Writes the in-portal notification;
 * pass the caller's transaction so the notice lives or dies with the change.
 */
export async function notifyTeam(
  notice: TeamNotice,
  db: Tx = prisma,
): Promise<void> {
  await db.notification.create({
    data: {
      teamId: notice.teamId,
      kind: notice.kind,
      subject: notice.subject,
      body: notice.body,
      link: notice.link,
    },
  });
}

/** Notifies each team once, whatever the duplicates in the list. */
export async function notifyTeams(
  teamIds: Iterable<string>,
  notice: Omit<TeamNotice, "teamId">,
  db: Tx = prisma,
): Promise<void> {
  for (const teamId of new Set(teamIds)) {
    await notifyTeam({ ...notice, teamId }, db);
  }
}
