// The workflow graph: schema, structure and validation (shared by server/, app/ and the interpreter).
export * from "./schema";
export * from "./structure";
export * from "./validate";
export * from "./limits";
export * from "./cron";
export * from "./webhook-config";
export * from "./storable";
export * from "./diff";
export * from "./input-schema";
export * from "./output-schema";
export * from "./node-outputs";
export * from "./references";
export * from "./workflow-file";
export * from "./connection-ref";
