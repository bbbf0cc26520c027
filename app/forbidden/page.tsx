import Link from "next/link";

import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">Not for your role</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your role does not give access to this page. Ask an admin if you
        need it.
      </p>
      <Link href="/golden" className={`${buttonClass("secondary")} mt-6`}>
        Back to the catalog
      </Link>
    </main>
  );
}
