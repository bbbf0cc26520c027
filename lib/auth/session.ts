import "server-only";

import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";

import { prisma } from "../db";
import { ForbiddenError, UserFacingError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { authOptions } from "./options";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  teamSlug: string | null;
  teamName: string | null;
  isCcoe: boolean;
}

/** The signed-in user, read fresh from the database; null when signed out. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;

  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      team: { select: { id: true, slug: true, name: true, isCcoe: true } },
    },
  });
  if (!user) return null;

  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.team?.id ?? null,
    teamSlug: user.team?.slug ?? null,
    teamName: user.team?.name ?? null,
    isCcoe: user.team?.isCcoe ?? false,
  };
}

/** For pages: the user, or a redirect to sign-in / a forbidden page. */
export async function requirePageUser(roles?: Role[]): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (roles && !roles.includes(user.role)) redirect("/forbidden");

  return user;
}

/** For actions and route handlers: throws instead of redirecting. */
export async function requireUser(roles?: Role[]): Promise<CurrentUser> {
  return authorize(await currentUser(), roles);
}

/** Throws unless there is a user and, when given, one of the roles. */
export function authorize(
  user: CurrentUser | null,
  roles?: Role[],
): CurrentUser {
  if (!user) throw new UserFacingError("Your session has ended. Sign in again.");
  if (roles && !roles.includes(user.role)) throw new ForbiddenError();

  return user;
}
