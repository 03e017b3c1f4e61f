// Every table, by domain. drizzle-kit reads this file to generate db/migrations.
export * from "./auth";
export * from "./workspaces";
export * from "./workflows";
export * from "./runs";
export * from "./connections";
export * from "./integrations";
export * from "./triggers";
export * from "./webhooks";
export * from "./audit";
export * from "./fixtures";
export * from "./mail";
