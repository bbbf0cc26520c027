/** Image Builder statuses after which a build no longer changes. */
export const TERMINAL_STATUSES = ["AVAILABLE", "FAILED", "CANCELLED", "DELETED"];

/** Image Builder's states on the way to AVAILABLE, in order. */
export const BUILD_STEPS = [
  "PENDING",
  "CREATING",
  "BUILDING",
  "TESTING",
  "DISTRIBUTING",
  "INTEGRATING",
  "AVAILABLE",
] as const;
