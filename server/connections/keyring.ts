/**
 * The vault keyring: JUNCTION_VAULT_KEYS = "2:<base64 key>,1:<base64 old key>", current version first.
 * Every listed key stays readable, so rotation runs while the platform serves: roll out the new key listed
 * second (readable everywhere), then first (written everywhere), run `npm run vault:rotate`, then drop the old.
 * No imports beyond node: server/env.ts validates the variable with this same parser.
 */
export type VaultKey = { version: number; key: Buffer };
export type Keyring = { current: VaultKey; byVersion: ReadonlyMap<number, Buffer> };

export class KeyringError extends Error {
  override name = "KeyringError";
}

const HINT = 'expected "2:<base64 32-byte key>,1:<older key>" with the current version first';

export function parseKeyring(value: string): Keyring {
  const entries = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new KeyringError(`is empty; ${HINT}`);
  const byVersion = new Map<number, Buffer>();
  const list: VaultKey[] = [];
  for (const entry of entries) {
    const m = /^(\d{1,9}):(.+)$/.exec(entry);
    if (!m || Number(m[1]) < 1) throw new KeyringError(`has a malformed entry; ${HINT}`);
    const version = Number(m[1]);
    // Node's base64 decoder also accepts base64url, which persistedSecret writes.
    const key = Buffer.from(m[2]!, "base64");
    if (key.length !== 32) throw new KeyringError(`key version ${version} is not 32 bytes; ${HINT}`);
    if (byVersion.has(version)) throw new KeyringError(`lists key version ${version} twice`);
    byVersion.set(version, key);
    list.push({ version, key });
  }
  return { current: list[0]!, byVersion };
}

let cached: { source: string; keyring: Keyring } | undefined;

/** The process's keyring, parsed once per distinct value of JUNCTION_VAULT_KEYS. */
export function vaultKeyring(): Keyring {
  const source = process.env.JUNCTION_VAULT_KEYS;
  if (!source) throw new KeyringError("JUNCTION_VAULT_KEYS is missing (npm start generates one in .data/vault-key)");
  if (cached?.source !== source) cached = { source, keyring: parseKeyring(source) };
  return cached.keyring;
}
