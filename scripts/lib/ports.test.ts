import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { assertPortFree, freePort, isPortFree, portFromEnv } from "./ports";

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  delete process.env.JUNCTION_TEST_PORT;
});

function listen(port: number, host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
    servers.push(server);
  });
}

describe("ports", () => {
  it("sees a free port as free and a listening one as in use", async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    await listen(port, "127.0.0.1");
    expect(await isPortFree(port)).toBe(false);
  });

  it("names the port, its use and the variable that moves it, in one line", async () => {
    const port = await freePort();
    await listen(port, "127.0.0.1");
    await expect(assertPortFree(port, "web app", "PORT")).rejects.toThrow(
      `Port ${port} (web app) is in use (another \`npm start\`?). Stop it or set PORT=${port + 1}.`,
    );
  });

  it("catches a server bound to all interfaces too", async () => {
    const port = await freePort();
    await listen(port, "0.0.0.0");
    await expect(assertPortFree(port, "web app", "PORT")).rejects.toThrow(/is in use/);
  });

  it("reads ports from the environment and rejects typos", () => {
    expect(portFromEnv("JUNCTION_TEST_PORT", 3000)).toBe(3000);
    process.env.JUNCTION_TEST_PORT = "3001";
    expect(portFromEnv("JUNCTION_TEST_PORT", 3000)).toBe(3001);
    process.env.JUNCTION_TEST_PORT = "30OO";
    expect(() => portFromEnv("JUNCTION_TEST_PORT", 3000)).toThrow("JUNCTION_TEST_PORT=30OO is not a valid port.");
  });
});
