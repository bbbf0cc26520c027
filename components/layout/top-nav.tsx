import Link from "next/link";

import type { CurrentUser } from "@/lib/auth/session";

import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = {
  engineer: "Engineer",
  reviewer: "CCOE reviewer",
  security: "Security",
  admin: "Admin",
} as const;

export function TopNav({
  user,
  awsMode,
  unread = 0,
}: {
  user: CurrentUser;
  awsMode: "local" | "aws";
  /** Unread notifications of the user's team. */
  unread?: number;
}) {
  const roleLine = user.teamName
    ? `${ROLE_LABEL[user.role]} · ${user.teamName}`
    : ROLE_LABEL[user.role];

  return (
    <header className="bg-ink">
      {/* Below xl the links take a row of their own; from xl up one row
          fits every role's links, and wrapping beats hiding any of them. */}
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-6 py-2 xl:py-0">
        <Link
          href="/golden"
          className="flex shrink-0 items-center gap-2 text-white"
        >
          <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
            <rect width="32" height="32" rx="7" fill="#2553e0" />
            <path d="M9 21l7-12 7 12H9z" fill="#fcd34d" />
          </svg>
          <span className="hidden text-sm font-semibold tracking-tight whitespace-nowrap lg:inline">
            Golden AMI Portal
          </span>
        </Link>
        <NavLinks role={user.role} counts={{ "/notifications": unread }} />
        <div className="ml-auto flex shrink-0 items-center gap-3 py-1 xl:py-0">
          {awsMode === "local" && (
            <span
              className="rounded bg-amber-400/15 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-300"
              title={
                "Local AWS emulator: AWS calls go to the portal's own " +
                "Image Builder and Inspector"
              }
            >
              AWS emulator
            </span>
          )}
          <div className="text-right leading-tight" data-testid="current-user">
            <div className="text-sm font-medium whitespace-nowrap text-white">
              {user.name}
            </div>
            <div
              className="hidden max-w-52 truncate text-xs text-slate-400 sm:block"
              title={roleLine}
            >
              {roleLine}
            </div>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
