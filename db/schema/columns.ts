import { customType } from "drizzle-orm/pg-core";
import { decodeStorable, encodeStorable } from "../json/storable";

/** Binary column (sealed credentials, integration bundles); drizzle has no built-in bytea. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * A jsonb column for values from outside (trigger payloads, step inputs and outputs, errors, logs): strings that
 * Postgres cannot store (U+0000, lone surrogates) are written in a reversible escape and restored on read
 * (db/json/storable.ts), so a value holding them is kept exactly instead of failing the write. Raw SQL that writes
 * or reads these columns must call encodeStorable / decodeStorable itself.
 */
export const storableJsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(encodeStorable(value)),
  // node-postgres has parsed the jsonb already; a string here is a JSON string value, not JSON text to parse again.
  fromDriver: (value) => decodeStorable(value),
});
