import net from "node:net";
import { expected } from "./fail";

/** True when nothing listens on host:port. We bind rather than connect: binding is what a server will do. */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Fails with one line naming the port, what it is for and the variable that moves it. Checks both loopback
 * and all interfaces, since a server bound to 0.0.0.0 does not always block a 127.0.0.1 bind and vice versa.
 */
export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  if ((await isPortFree(port, "127.0.0.1")) && (await isPortFree(port, "0.0.0.0"))) return;
  throw expected(
    `Port ${port} (${what}) is in use (another \`npm start\`?). Stop it or set ${envVar}=${port + 1}.`,
  );
}

/** A port the OS considers free right now (for tests; a tiny race with other processes is acceptable). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Parses a port from the environment, with a clear line for typos like PORT=30OO. */
export function portFromEnv(envVar: string, fallback: number): number {
  const raw = process.env[envVar];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw expected(`${envVar}=${raw} is not a valid port.`);
  return port;
}
