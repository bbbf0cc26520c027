"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/golden", label: "Golden AMIs" },
  { href: "/images", label: "AMI ledger" },
  { href: "/components", label: "Components" },
  { href: "/notifications", label: "Notifications" },
  { href: "/admin/aws", label: "AWS connection", adminOnly: true },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/admin", label: "Admin" },
];

/** `counts` puts a small badge on a link, keyed by its href. */
export function NavLinks({
  isAdmin = false,
  counts = {},
}: {
  isAdmin?: boolean;
  counts?: Record<string, number>;
}) {
  const pathname = usePathname();
  const links = LINKS.filter((link) => isAdmin || !link.adminOnly);

  return (
    <nav className="flex items-center gap-1" aria-label="Main">
      {links.map((link) => {
        const active = pathname.startsWith(link.href);

        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
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
