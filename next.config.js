/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its wasm with new URL(..., import.meta.url): never bundle it.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pino",
  ],
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
};

export default nextConfig;
