// Prisma 6's wasm schema engine leaves a long lock-timeout timer pending, so
// the CLI lingers 10-60 s after its work is done. Unref such timers.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 10_000 && timer && timer.unref) {
    timer.unref();
  }
  return timer;
};
