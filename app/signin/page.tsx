import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { currentUser } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/env";
import { listDemoUsers } from "@/lib/queries/demo-users";

import { DemoSignIn, SsoSignIn } from "./sign-in-buttons";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const ROLE_TITLES = {
  engineer: "Product engineers",
  reviewer: "CCOE reviewers",
  security: "Security",
  admin: "Admins",
} as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = params.callbackUrl?.startsWith("/")
    ? params.callbackUrl
    : "/golden";
  if (await currentUser()) redirect(callbackUrl);

  const oidc = oidcSettings();
  const users = oidc ? [] : await listDemoUsers();
  const groups = Object.entries(ROLE_TITLES)
    .map(([role, title]) => ({
      role: title,
      users: users
        .filter((user) => user.role === role)
        .map((user) => ({
          email: user.email,
          name: user.name,
          detail: `${user.email}${user.team ? ` · ${user.team.name}` : ""}`,
        })),
    }))
    .filter((group) => group.users.length > 0);

  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">
        Golden AMI Portal
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Build hardened images from the CCOE&apos;s golden AMIs and see what
        Inspector finds in them.
      </p>
      {params.error && (
        <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          Sign-in failed. Your account may not have a portal role.
        </p>
      )}
      <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        {oidc ? (
          <SsoSignIn callbackUrl={callbackUrl} />
        ) : (
          <>
            <div className="mb-5 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <strong>Demo sign-in.</strong> No identity provider is
              configured, so you can act as any seeded demo user. Configure
              OIDC_ISSUER to switch to single sign-on.
            </div>
            <DemoSignIn groups={groups} callbackUrl={callbackUrl} />
          </>
        )}
      </div>
    </main>
  );
}
