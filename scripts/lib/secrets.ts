import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * A secret generated once and kept in `file` (mode 600), so restarts keep sessions valid and the embedded
 * database keeps its password. `wx` makes two concurrent first starts agree on one value.
 */
export function persistedSecret(file: string, bytes = 32): string {
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(bytes).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}
