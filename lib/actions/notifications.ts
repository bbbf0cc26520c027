"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { audit } from "../audit";
import { prisma } from "../db";
import { UserFacingError } from "../errors";
import { markTeamNotificationsRead } from "../notifications/queries";
import { defineAction } from "./safe-action";

export const markNotificationsReadAction = defineAction(
  { name: "markNotificationsReadAction", schema: z.object({}) },
  async (_input, ctx) => {
    const teamId = ctx.user.teamId;
    if (!teamId) throw new UserFacingError("You are not in a team.");

    const count = await markTeamNotificationsRead(teamId);
    await audit(prisma, {
      actorId: ctx.user.id,
      action: "notifications.read",
      entityType: "Team",
      entityId: teamId,
      details: { count },
      requestId: ctx.requestId,
    });
    revalidatePath("/notifications");

    return { count };
  },
);
