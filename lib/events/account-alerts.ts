import "server-only";

import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Logger } from "../logger";
import type { EventEnvelope } from "./envelope";

export const AUTO_ENABLE_FAILED = "INSPECTOR_AUTO_ENABLE_FAILED";

/**
 * Inspector could not enable itself for an account (typically the member
 * account limit): an account-level alert, not a finding of any image.
 * At most one alert per event id.
 */
export async function autoEnableEvent(event: EventEnvelope, log: Logger) {
  const status = String(event.detail.AutoEnableStatus ?? "");
  if (status.toUpperCase() !== "FAILED") {
    return { status: "ignored" as const, detail: `auto-enable ${status || "?"}` };
  }

  const reason = event.detail.Reason;
  const message =
    typeof reason === "string" && reason.trim()
      ? reason
      : "Inspector could not be enabled automatically.";
  await prisma.accountAlert.createMany({
    data: [
      {
        eventId: event.id,
        kind: AUTO_ENABLE_FAILED,
        accountId: event.account ?? null,
        region: event.region ?? null,
        message,
        details: event.detail as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  log.warn({ account: event.account, message }, "Inspector auto-enable failed");

  return { status: "applied" as const, detail: "account alert" };
}
