import { customType } from "drizzle-orm/pg-core";

/** Binary column (sealed credentials, integration bundles); drizzle has no built-in bytea. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
