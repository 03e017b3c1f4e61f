/** Limits on JSON values from outside (depth and size), checked without recursion. See limits.ts. */
export * from "./limits";
export * from "./measure";
export * from "./parse";
export * from "./preview";
export * from "./storable";
export * from "./stringify";
