import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expected } from "./fail";
import { freePort } from "./ports";
import { describeExit, spawnChild, type Child, type Output } from "./processes";
import { binScript } from "./toolchain";

/** The Temporal worker (workflows/worker.ts). --no-node-snapshot: isolated-vm needs it on Node >= 20. */
export function spawnWorker(root: string, env: NodeJS.ProcessEnv, output: Output): Child {
  return spawnChild({
    name: "worker",
    command: process.execPath,
    args: ["--no-node-snapshot", "--import", "tsx", path.join(root, "workflows", "worker.ts")],
    cwd: root,
    env,
    output,
    graceMs: 20_000, // lets running activities finish their current step
  });
}

/**
 * `next start` (the production server over the last `next build`) on a loopback port, behind the edge: only
 * the edge reaches it, which is why it may trust the X-Forwarded-* headers it gets.
 */
export function spawnWeb(root: string, port: number, env: NodeJS.ProcessEnv, output: Output): Child {
  const [node, next] = binScript(root, "next");
  return spawnChild({
    name: "web",
    command: node!,
    args: [next!, "start", "-p", String(port), "-H", "127.0.0.1"],
    cwd: root,
    env: { ...env, PORT: String(port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    output,
  });
}

/**
 * The edge (server/edge/main.ts) on the public port: answers webhook deliveries itself and proxies everything
 * else to `next start` on webPort.
 */
export function spawnEdge(root: string, port: number, webPort: number, env: NodeJS.ProcessEnv, output: Output): Child {
  return spawnChild({
    name: "edge",
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "server", "edge", "main.ts")],
    cwd: root,
    env: { ...env, PORT: String(port), JUNCTION_WEB_PORT: String(webPort), NODE_ENV: "production", JUNCTION_SERVICE: "edge" },
    output,
  });
}

/**
 * Starts the web app and the edge in front of it; resolves once a request through the edge reaches Next.js.
 * `add` gets how to start each (npm start starts them again the same way, on the same ports, after a crash).
 */
export async function spawnWebBehindEdge(root: string, port: number, env: NodeJS.ProcessEnv, output: (name: string) => Output, add: (spawn: () => Child) => Child): Promise<void> {
  const webPort = await freePort();
  const web = add(() => spawnWeb(root, webPort, env, output("web")));
  const edge = add(() => spawnEdge(root, port, webPort, env, output("edge")));
  await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, web);
  // Any answer counts in waitForHttp, and the edge answers 502 while Next.js is down: so Next.js first, then the edge.
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, edge);
}

/**
 * Waits until `url` gives any HTTP answer (a 503 from /api/health while dependencies warm up still means
 * the server is up). Fails early with the child's output if it exits first.
 */
export async function waitForHttp(url: string, child: Child, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) {
      throw expected(`${child.name} ${describeExit(await child.exited)} before answering ${url}:\n${child.tail(20)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      return response.status;
    } catch {
      await sleep(250);
    }
  }
  throw expected(`${url} did not answer within ${timeoutMs / 1000}s:\n${child.tail(20)}`);
}
