# Sourced by bash scripts: puts a Node >= 24 first on PATH. The machine's node may be older; then we use the
# one scripts/setup.sh unpacked into the cache. npm_config_nodedir points node-gyp at the matching headers
# (the user's ~/.npmrc may name older ones), so native addons build against the Node that will load them.
junction_cache="${XDG_CACHE_HOME:-$HOME/.cache}/junction"

junction_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

junction_node_bin=""
if command -v node >/dev/null 2>&1 && [ "$(junction_node_major node)" -ge 24 ]; then
  junction_node_bin="$(dirname "$(command -v node)")"
else
  # Newest cached node-v24.x, by version order rather than string order (24.9 < 24.10).
  junction_node_dir="$(ls -d "$junction_cache"/node-v24.* 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$junction_node_dir" ] && [ -x "$junction_node_dir/bin/node" ]; then
    junction_node_bin="$junction_node_dir/bin"
  fi
fi

if [ -z "$junction_node_bin" ]; then
  echo "Node 24 not found (machine node is $(node -v 2>/dev/null || echo missing)); run \`npm run setup\` (bash scripts/setup.sh) first." >&2
  return 1 2>/dev/null || exit 1
fi

export PATH="$junction_node_bin:$PATH"
# Headers live next to bin/ in both the cached tarball layout and a normal install (prefix/include/node).
export npm_config_nodedir="$(dirname "$junction_node_bin")"
unset junction_node_dir junction_node_bin
