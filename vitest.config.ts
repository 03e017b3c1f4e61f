import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm test` (scripts/test.ts) starts PostgreSQL and a Temporal dev server and passes them in as
// TEST_PG_ADMIN_URL / TEMPORAL_ADDRESS; db/testing/per-file-database.ts gives every test file its own database.
export default defineConfig({
  // The `@/` path alias of tsconfig.json (repository root), so tests import app code the way the app does.
  resolve: { alias: { "@/": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["e2e/**", "**/node_modules/**", ".data/**", ".next/**", "test-results/**"],
    setupFiles: ["db/testing/per-file-database.ts"],
    // Separate processes: Temporal's native worker and isolated-vm do not belong in worker threads.
    pool: "forks",
    // 2 cores: two files at a time keeps PostgreSQL, Temporal and the tests from starving each other.
    maxWorkers: 2,
    // isolated-vm (integration runtime) needs this flag on Node >= 20.
    execArgv: ["--no-node-snapshot"],
    // Password hashing and Temporal round trips are slow on purpose or by nature; 5s is too tight on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
