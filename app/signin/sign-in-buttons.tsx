"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

import { cn } from "@/components/ui/cn";

interface DemoUserOption {
  email: string;
  name: string;
  detail: string;
}

export function DemoSignIn({
  groups,
  callbackUrl,
}: {
  groups: { role: string; users: DemoUserOption[] }[];
  callbackUrl: string;
}) {
  const [pending, setPending] = useState<string | null>(null);

  return (
    <div className="space-y-5">
      {groups.map((group) => (
        <div key={group.role}>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {group.role}
          </h3>
          <div className="grid gap-2 sm:grid-cols-2">
            {group.users.map((user) => (
              <button
                key={user.email}
                type="button"
                disabled={pending !== null}
                onClick={() => {
                  setPending(user.email);
                  void signIn("demo", { email: user.email, callbackUrl });
                }}
                className={cn(
                  "rounded-lg border border-slate-200 bg-white px-4 py-3 text-left",
                  "shadow-sm transition hover:border-brand-500 hover:shadow",
                  pending === user.email && "border-brand-500 opacity-70",
                )}
              >
                <span className="block text-sm font-medium text-slate-900">
                  Sign in as {user.name}
                </span>
                <span className="block text-xs text-slate-500">
                  {user.detail}
                </span>
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export function SsoSignIn({ callbackUrl }: { callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn("oidc", { callbackUrl })}
      className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-700"
    >
      Sign in with company SSO
    </button>
  );
}
