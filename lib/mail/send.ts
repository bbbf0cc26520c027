import "server-only";

import { prisma } from "../db";
import { isUniqueViolation } from "../db-errors";
import { logger } from "../logger";
import { mailTransport } from "./transport";

const log = logger.child({ module: "mail" });

export interface Mail {
  /** One mail per key, ever: a second call with it sends nothing. */
  dedupKey: string;
  kind: string;
  to: string[];
  subject: string;
  text: string;
}

export type MailOutcome = "sent" | "kept" | "failed" | "duplicate" | "no-recipients";

/**
 * Records the mail, then sends it over SMTP. Without SMTP (local mode) the
 * mail stays in the outbox. The row is written first so two portal
 * instances (or an event and the reconciler) never both send it.
 */
export async function sendMail(mail: Mail): Promise<MailOutcome> {
  if (mail.to.length === 0) return "no-recipients";

  const smtp = mailTransport();
  let id: string;
  try {
    const row = await prisma.mailMessage.create({
      data: { ...mail, status: smtp ? "sending" : "kept" },
    });
    id = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  if (!smtp) return "kept";

  try {
    const info = (await smtp.transport.sendMail({
      from: smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    })) as { messageId?: string };
    await prisma.mailMessage.update({
      where: { id },
      data: { status: "sent", sentAt: new Date(), messageId: info.messageId },
    });

    return "sent";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ err: error, kind: mail.kind }, "mail not sent");
    await prisma.mailMessage.update({
      where: { id },
      data: { status: "failed", error: message.slice(0, 500) },
    });

    return "failed";
  }
}
