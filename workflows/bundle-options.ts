import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: what tsconfig.json's `@/*` path alias points at. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Options for Temporal's workflow bundler (webpack): it resolves modules itself and does not read tsconfig.json,
 * so the `@/` alias (tsconfig `paths`, also honoured by Next, tsx and vitest) is given to it here. Every place that
 * bundles workflow code — the worker and the replay tests — passes these, so workflow files may import by alias.
 */
export const workflowBundlerOptions = {
  webpackConfigHook: <C extends { resolve?: { alias?: unknown } }>(config: C): C => ({
    ...config,
    resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), "@": root } },
  }),
};
