import "server-only";

import { prisma } from "../db";

export interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
}

export async function teamNotifications(
  teamId: string,
  take = 100,
): Promise<NotificationRow[]> {
  const rows = await prisma.notification.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      subject: true,
      body: true,
      link: true,
      createdAt: true,
      readAt: true,
    },
  });

  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

export async function unreadCount(teamId: string): Promise<number> {
  return prisma.notification.count({ where: { teamId, readAt: null } });
}

// LIMITATION: read state is kept per team, not per person: one member
// marking the list read marks it read for the whole team. Notifications are
// addressed to teams, and a per-user receipt table was not needed yet.

/** Marks the team's unread notices read; returns how many changed. */
export async function markTeamNotificationsRead(
  teamId: string,
): Promise<number> {
  const result = await prisma.notification.updateMany({
    where: { teamId, readAt: null },
    data: { readAt: new Date() },
  });

  return result.count;
}
