/** Image Builder statuses after which a build no longer changes. */
export const TERMINAL_STATUSES = ["AVAILABLE", "FAILED", "CANCELLED", "DELETED"];
