import { builtinModules } from "node:module";
import type { Plugin } from "esbuild";

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * Integrations run in an isolate with no Node APIs (ARCHITECTURE.md §5), so an import of a Node builtin —
 * directly or from a dependency — fails the build here, naming the importer, instead of failing every run.
 */
export const refuseNodeBuiltins: Plugin = {
  name: "junction-refuse-node-builtins",
  setup(build) {
    build.onResolve({ filter: /^[a-z_:][a-z0-9_/:]*$/ }, (args) => {
      if (!BUILTINS.has(args.path) && !args.path.startsWith("node:")) return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a Node builtin, which integrations cannot use: they run in a sandbox without Node APIs. Use ctx.http.fetch for HTTP, ctx.store for state, and the SDK's base64/formEncode helpers instead.`,
          },
        ],
      };
    });
  },
};
