#!/usr/bin/env bash
# Makes the toolchain `npm start` and `npm test` need: Node 24, node_modules, the temporal CLI and (with
# --with-browser) chromium. Idempotent: a second run prints one "already there" line per item and changes nothing.
# Long outputs go to .data/logs/setup-*.log; on failure we print the log's tail, never a wall of text.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/junction"
logs="$root/.data/logs"
temporal_version="v1.5.1"
with_browser=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    *) echo "setup: unknown option $arg (known: --with-browser)" >&2; exit 2 ;;
  esac
done
mkdir -p "$cache/bin" "$logs"

say() { printf '  %-12s %s\n' "$1" "$2"; }
die() { echo "setup: $*" >&2; exit 1; }
# Runs a long command with its output in a log; on failure shows the last lines so the cause is visible.
run_logged() {
  local log="$1"; shift
  if ! "$@" >"$log" 2>&1; then
    echo "---- last lines of $log ----" >&2; tail -n 25 "$log" >&2; return 1
  fi
}

# --- Node 24 ---------------------------------------------------------------------------------------------
machine_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
cached_node="$(ls -d "$cache"/node-v24.* 2>/dev/null | sort -V | tail -n 1 || true)"
if [ "$machine_major" -ge 24 ]; then
  say "node" "already there ($(node -v), machine node)"
elif [ -n "$cached_node" ] && [ -x "$cached_node/bin/node" ]; then
  say "node" "already there ($("$cached_node/bin/node" -v) in $cached_node)"
else
  # The npm registry carries official Node builds as node-<os>-<arch> packages; the machine's (older) npm
  # can fetch them, which works where nodejs.org is unreachable.
  command -v npm >/dev/null || die "npm not found; install Node.js (any version with npm) first."
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) die "no Node 24 package for $(uname -m)";; esac
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  echo "  node         fetching node-linux-$arch@24 from the npm registry..."
  run_logged "$logs/setup-node.log" npm pack "node-linux-$arch@24" --pack-destination "$tmp" --silent \
    || die "could not download Node 24 (npm pack node-linux-$arch@24); see $logs/setup-node.log"
  tarball="$(ls "$tmp"/node-linux-*.tgz)"
  version="$(basename "$tarball" .tgz)"; version="${version#node-linux-$arch-}"
  tar -xzf "$tarball" -C "$tmp"
  chmod +x "$tmp/package/bin/node"
  rm -rf "$cache/node-v$version"
  mv "$tmp/package" "$cache/node-v$version"
  say "node" "installed v$version into $cache/node-v$version"
fi
# From here on, every node/npm call runs on Node 24.
source "$root/scripts/lib/node-path.sh"

# --- node_modules ------------------------------------------------------------------------------------------
# The lockfile's hash, stored inside node_modules, says whether node_modules matches it (mtimes alone lie:
# a checkout that round-trips the lockfile makes it "newer"). Deleting node_modules deletes the stamp too.
stamp="node_modules/.junction-lock-sha256"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -d node_modules ] && { [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; } \
   && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  # Someone ran `npm install` after the lockfile last changed (it writes the hidden lockfile last): adopt it.
  echo "$lock_hash" >"$stamp"
fi
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  say "packages" "already there (node_modules matches package-lock.json)"
else
  echo "  packages     installing with npm ci (about a minute)..."
  started=$SECONDS
  how="npm ci"
  if ! npm ci --no-audit --no-fund >"$logs/setup-npm.log" 2>&1; then
    # A registry mirror without some platforms' optional packages (@swc/core-darwin-*, ...) yields a lockfile
    # without them, which `npm ci` then rejects as "not in sync" before touching node_modules. `npm install
    # --no-save` installs the same locked versions, skips what the registry lacks and leaves the lockfile alone.
    grep -q "can only install packages when your package.json and package-lock.json" "$logs/setup-npm.log" || {
      echo "---- last lines of $logs/setup-npm.log ----" >&2; tail -n 25 "$logs/setup-npm.log" >&2
      die "npm ci failed; see $logs/setup-npm.log"
    }
    how="npm install --no-save (npm ci rejected the lockfile: it lacks optional packages this registry does not serve)"
    run_logged "$logs/setup-npm.log" npm install --no-save --no-audit --no-fund \
      || die "npm install failed; see $logs/setup-npm.log"
  fi
  echo "$lock_hash" >"$stamp"
  say "packages" "installed with $how in $((SECONDS - started))s"
fi

# --- temporal CLI (dev server) -------------------------------------------------------------------------------
if command -v temporal >/dev/null 2>&1; then
  say "temporal" "already there ($(command -v temporal))"
elif [ -x "$cache/bin/temporal" ]; then
  say "temporal" "already there ($cache/bin/temporal)"
else
  command -v go >/dev/null 2>&1 \
    || die "the temporal CLI is missing and Go is not installed to build it; install Go or put temporal on PATH."
  echo "  temporal     building temporal CLI $temporal_version with go install (takes several minutes the first time)..."
  started=$SECONDS
  GOBIN="$cache/bin" run_logged "$logs/setup-temporal.log" \
    go install "github.com/temporalio/cli/cmd/temporal@$temporal_version" \
    || die "building the temporal CLI failed; see $logs/setup-temporal.log"
  say "temporal" "built $cache/bin/temporal in $((SECONDS - started))s"
fi

# --- chromium (end-to-end tests only) -------------------------------------------------------------------------
if [ "$with_browser" = 1 ]; then
  if [ -x /usr/bin/chromium ]; then
    say "chromium" "already there (/usr/bin/chromium)"
  else
    # Debian's chromium rather than Playwright's download: it gets security updates and needs no extra CDN.
    command -v apt-get >/dev/null || die "chromium is missing and apt-get is not available; install chromium at /usr/bin/chromium."
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
    echo "  chromium     installing with apt-get (a few minutes)..."
    run_logged "$logs/setup-chromium.log" sh -c "$sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium" \
      || die "apt-get install chromium failed; see $logs/setup-chromium.log"
    say "chromium" "installed /usr/bin/chromium"
  fi
fi
