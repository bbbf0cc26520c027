import "server-only";

import { prisma } from "../db";

/** The team's list address, or its members when it has none. */
export async function teamRecipients(teamId: string): Promise<string[]> {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: { email: true, users: { select: { email: true } } },
  });
  if (!team) return [];
  if (team.email) return [team.email];

  return team.users.map((user) => user.email);
}
