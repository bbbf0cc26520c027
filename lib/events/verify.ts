import { createHash, timingSafeEqual } from "node:crypto";

export const EVENTS_KEY_HEADER = "x-portal-events-key";

/**
 * Constant-time check of the shared secret. Both sides are hashed first so
 * the comparison takes the same time whatever the length of the guess. An
 * unset secret refuses everything.
 */
export function isAuthorized(presented: string | null, secret: string) {
  if (!secret || !presented) return false;

  const digest = (value: string) => createHash("sha256").update(value).digest();

  return timingSafeEqual(digest(presented), digest(secret));
}
