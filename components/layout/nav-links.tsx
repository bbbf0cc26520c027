"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/components/ui/cn";
import type { Role } from "@/lib/generated/prisma/enums";

interface NavLink {
  href: string;
  label: string;
  /** Who sees the link; everyone when omitted (pages check again). */
  roles?: Role[];
}

const LINKS: NavLink[] = [
  { href: "/golden", label: "Golden AMIs" },
  { href: "/images", label: "AMI ledger" },
  { href: "/security", label: "Security" },
  { href: "/components", label: "Components" },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/notifications", label: "Notifications" },
  { href: "/admin", label: "Admin", roles: ["admin", "reviewer"] },
];

/** `counts` puts a small badge on a link, keyed by its href. */
export function NavLinks({
  role,
  counts = {},
}: {
  role: Role;
  counts?: Record<string, number>;
}) {
  const pathname = usePathname();
  const links = LINKS.filter((link) => !link.roles || link.roles.includes(role));

  return (
    <nav
      className="order-last -ml-2 flex w-full items-center gap-0.5 overflow-x-auto xl:order-none xl:ml-0 xl:w-auto xl:overflow-visible"
      aria-label="Main"
    >
      {links.map((link) => {
        const active = pathname.startsWith(link.href);

        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap",
              active
                ? "bg-white/15 text-white"
                : "text-slate-300 hover:bg-white/10 hover:text-white",
            )}
          >
            {link.label}
            {(counts[link.href] ?? 0) > 0 && (
              <span
                className="ml-1.5 rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-ink"
                aria-label={`${counts[link.href]} unread`}
              >
                {counts[link.href]}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
