import { describe, expect, it } from "vitest";
import { createGate } from "./concurrency";
import { SandboxCancelledError, SandboxLimitError } from "./errors";

describe("createGate", () => {
  it("runs up to maxActive per key, queues FIFO, and rejects beyond the queue", async () => {
    const gate = createGate(2, 1);
    const a = await gate.acquire("github");
    await gate.acquire("github");
    await gate.acquire("slack"); // other integrations have their own lane
    const order: string[] = [];
    const queued = gate.acquire("github").then((release) => (order.push("queued"), release));
    await expect(gate.acquire("github")).rejects.toThrow(SandboxLimitError);
    await expect(gate.acquire("github")).rejects.toMatchObject({ limit: "concurrency", message: expect.stringMatching(/2 executions running and 1 waiting/) });
    expect(gate.stats("github")).toEqual({ active: 2, queued: 1 });
    a();
    a(); // releasing twice frees one slot, not two
    (await queued)();
    expect(order).toEqual(["queued"]);
    expect(gate.stats("github")).toEqual({ active: 1, queued: 0 });
  });

  it("drops a waiter whose signal aborts", async () => {
    const gate = createGate(1, 5);
    const release = await gate.acquire("x");
    const abort = new AbortController();
    const waiting = gate.acquire("x", abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow(SandboxCancelledError);
    expect(gate.stats("x")).toEqual({ active: 1, queued: 0 });
    release();
    expect(gate.stats("x")).toEqual({ active: 0, queued: 0 });
  });
});
