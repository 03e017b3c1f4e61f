import { defineConfig } from "drizzle-kit";

// drizzle-kit only needs a URL for push/studio; `generate` diffs the schema against db/migrations.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/junction" },
  strict: true,
});
