import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { prisma } from "../db";
import { oidcSettings } from "../env";
import { logger } from "../logger";
import { mapGroups } from "./groups";

const log = logger.child({ area: "auth" });

export const DEMO_PROVIDER_ID = "demo";
export const OIDC_PROVIDER_ID = "oidc";

interface OidcProfile {
  sub: string;
  name?: string;
  email?: string;
  groups?: unknown;
}

export function authOptions(): NextAuthOptions {
  const oidc = oidcSettings();

  return {
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: oidc ? [oidcProvider(oidc)] : [demoProvider()],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return Boolean(user);

        return linkOidcUser(profile as OidcProfile, oidc!.groupPrefix, user);
      },
      jwt({ token, user }) {
        if (user) token.userId = user.id;

        return token;
      },
      session({ session, token }) {
        if (session.user) session.user.id = token.userId as string;

        return session;
      },
    },
  };
}

// Demo sign-in: picks one of the seeded demo users; only offered when no
// identity provider is configured.
function demoProvider() {
  return CredentialsProvider({
    id: DEMO_PROVIDER_ID,
    name: "Demo sign-in",
    credentials: { email: { label: "Demo user", type: "text" } },
    async authorize(credentials) {
      const email = credentials?.email?.trim().toLowerCase();
      if (!email) return null;

      const user = await prisma.user.findFirst({
        where: { email, isDemo: true },
        select: { id: true, name: true, email: true },
      });
      if (!user) log.warn({ email }, "demo sign-in for unknown user");

      return user;
    },
  });
}

function oidcProvider(oidc: NonNullable<ReturnType<typeof oidcSettings>>) {
  return {
    id: OIDC_PROVIDER_ID,
    name: "Company SSO",
    type: "oauth" as const,
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: "openid profile email groups" } },
    idToken: true,
    checks: ["pkce" as const, "state" as const],
    profile(profile: OidcProfile) {
      return {
        id: profile.sub,
        name: profile.name ?? profile.email ?? profile.sub,
        email: profile.email ?? `${profile.sub}@oidc.invalid`,
      };
    },
  };
}

async function linkOidcUser(
  profile: OidcProfile,
  prefix: string,
  user: { id: string },
): Promise<boolean> {
  const mapping = mapGroups(profile.groups, prefix);
  if (!mapping.role) {
    log.warn({ sub: profile.sub }, "OIDC sign-in without a portal role");
    return false;
  }

  const team = mapping.teamSlug
    ? await prisma.team.upsert({
        where: { slug: mapping.teamSlug },
        update: {},
        create: { slug: mapping.teamSlug, name: mapping.teamSlug },
      })
    : null;
  const email = profile.email ?? `${profile.sub}@oidc.invalid`;
  const data = {
    name: profile.name ?? email,
    email,
    role: mapping.role,
    teamId: team?.id ?? null,
    lastSeenAt: new Date(),
  };
  const saved = await prisma.user.upsert({
    where: { externalId: profile.sub },
    update: data,
    create: { ...data, externalId: profile.sub },
  });
  // next-auth puts this id into the JWT in the jwt callback.
  user.id = saved.id;

  return true;
}
