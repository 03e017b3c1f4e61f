// @ts-check
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const NODE_BUILTINS = [
  "assert", "async_hooks", "buffer", "child_process", "cluster", "crypto", "dgram", "dns", "events", "fs", "fs/promises",
  "http", "http2", "https", "net", "os", "path", "perf_hooks", "process", "readline", "stream", "timers", "tls", "url",
  "util", "v8", "vm", "worker_threads", "zlib",
];

/**
 * Workflow code is replayed by Temporal and must be deterministic: no I/O, no clocks, no randomness, no Node
 * builtins, no database or web-process code. Temporal's own sandbox replaces Date and Math.random at run time,
 * but banning them here keeps the intent visible and the code portable to replay tests.
 */
const determinism = {
  "no-restricted-imports": [
    "error",
    {
      paths: NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: "Workflow code must not use Node builtins; do I/O in an activity." })),
      patterns: [
        { group: ["**/db/**", "**/server/**", "**/app/**", "**/integrations/runtime/**"], message: "Workflow code must not import the database, the web process or the sandbox runtime; call an activity." },
        { group: ["@temporalio/activity", "@temporalio/client", "@temporalio/worker", "pg", "drizzle-orm", "drizzle-orm/*"], message: "Not allowed in deterministic workflow code." },
      ],
    },
  ],
  "no-restricted-globals": [
    "error",
    { name: "Date", message: "Use workflow time (Temporal's sleep/condition) or pass time in; Date is not deterministic." },
    { name: "setTimeout", message: "Use sleep() from @temporalio/workflow." },
    { name: "setInterval", message: "Use sleep() in a loop from @temporalio/workflow." },
    { name: "fetch", message: "Do I/O in an activity." },
    { name: "process", message: "Workflow code has no process; pass configuration as input." },
    { name: "crypto", message: "Use uuid4() from @temporalio/workflow for ids." },
  ],
  "no-restricted-properties": [
    "error",
    { object: "Math", property: "random", message: "Not deterministic; use uuid4() or pass randomness in from an activity." },
    { object: "performance", property: "now", message: "Not deterministic." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**", "integrations/**/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["**/*.tsx", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  // The sandbox runtime runs only in the worker (ARCHITECTURE.md §2): never in the web process.
  ...[
    { files: ["server/**"], alias: false },
    // Files in app/ move between route folders; an alias import survives the move, a ../ chain does not.
    { files: ["app/**"], alias: true },
  ].map(({ files, alias }) => ({
    files,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "isolated-vm", message: "Sandboxes run in the worker only." }],
          patterns: [
            { group: ["**/integrations/runtime/**", "**/integrations/runtime"], message: "The sandbox runtime runs in the worker only; reach it through Temporal." },
            ...(alias ? [{ group: ["../*"], message: "Import by the @/ alias (tsconfig paths), e.g. @/app/_components/button." }] : []),
          ],
        },
      ],
    },
  })),
  // Scripts and benchmarks talk to a terminal.
  { files: ["scripts/**", "bench/**", "integrations/cli/**"], rules: { "no-console": "off" } },
  // Every file Temporal bundles as workflow code. Add new workflow files here (the worker imports them via index.ts).
  {
    files: [
      "workflows/index.ts", "workflows/ping.ts", "workflows/automation.ts", "workflows/editor-call.ts", "workflows/constants.ts", "workflows/failure-converter.ts",
      "workflows/graph/**", "workflows/mapping/**", "workflows/actions/**", "workflows/interpreter/**", "workflows/replay/altered.ts",
      "workflows/replay/fixtures.ts", "workflows/triggers/**",
    ],
    ignores: ["**/*.test.ts"],
    rules: determinism,
  },
);
