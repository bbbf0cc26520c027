import type { Metadata } from "next";

import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { mailSettings } from "@/lib/env";
import { listOutbox } from "@/lib/queries/pipelines";

export const metadata: Metadata = { title: "Mail outbox" };

export default async function OutboxPage() {
  await requirePageUser(["admin"]);
  const mails = await listOutbox();
  const smtp = mailSettings() !== null;

  return (
    <>
      <PageHeader
        title="Mail outbox"
        description={
          smtp
            ? "Mail goes out over SMTP; this is the record of it."
            : "No SMTP server is configured (local mode): mail is kept here instead of sent."
        }
      />
      <Card>
        <CardHeader title={`${mails.length} latest mails`} />
        <ul className="divide-y divide-slate-100" data-testid="outbox">
          {mails.map((mail) => (
            <li key={mail.id} className="px-5 py-3 text-sm">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{mail.subject}</span>{" "}
                  <span className="text-xs text-slate-500">
                    to {mail.to.join(", ")} · {mail.status} ·{" "}
                    {mail.createdAt.toISOString()}
                  </span>
                </summary>
                <pre className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">
                  {mail.text}
                </pre>
                {mail.error && <p className="text-xs text-red-700">{mail.error}</p>}
              </details>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
