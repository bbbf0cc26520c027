// Module hook for the benchmark: `server-only` resolves to its empty
// server build, as it does inside Next.js, so lib/ loads in a plain script.
const EMPTY = new URL(
  "../../node_modules/server-only/empty.js",
  import.meta.url,
);

export async function resolve(specifier, context, next) {
  if (specifier === "server-only") {
    return { url: EMPTY.href, shortCircuit: true };
  }

  return next(specifier, context);
}
