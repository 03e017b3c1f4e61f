#!/usr/bin/env bash
# Runs a TypeScript entry point with the Node 24 that scripts/setup.sh chose (see scripts/lib/node-path.sh),
# so `npm start` / `npm test` work even when the machine's own node is older.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/node-path.sh"
exec node --no-node-snapshot --import tsx "$@"
