import "server-only";

import { prisma } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { syncImage, UNFINISHED_WHERE } from "./sync-image";

const log = logger.child({ job: "reconciler" });

declare global {
  var __portalReconciler: NodeJS.Timeout | undefined;
}

/**
 * Polls unfinished builds so status and findings arrive even when nobody
 * has the image page open.
 */
// LIMITATION: one in-process poller per server; several portal instances
// would each poll (harmless: syncs are idempotent, but the work is doubled).
export function startReconciler(): void {
  const seconds = env().PORTAL_RECONCILE_SECONDS;
  if (seconds === 0 || globalThis.__portalReconciler) return;

  let running = false;
  globalThis.__portalReconciler = setInterval(() => {
    if (running) return;

    running = true;
    reconcileOnce()
      .catch((error: unknown) => log.error({ err: error }, "pass failed"))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  globalThis.__portalReconciler.unref();
}

export async function reconcileOnce(): Promise<number> {
  const images = await prisma.image.findMany({
    where: UNFINISHED_WHERE,
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 50,
  });

  for (const image of images) {
    try {
      await syncImage(image.id, log);
    } catch (error) {
      log.warn({ err: error, imageId: image.id }, "sync failed");
    }
  }

  return images.length;
}
