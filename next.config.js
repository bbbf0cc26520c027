/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its wasm with new URL(..., import.meta.url): never bundle
  // it. The AWS SDK is loaded once from node_modules so that a client made
  // in one server chunk passes the paginators' instanceof checks in another.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pino",
    "@aws-sdk/client-imagebuilder",
    "@aws-sdk/client-inspector2",
    "@aws-sdk/client-s3",
    "nodemailer",
  ],
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
};

export default nextConfig;
