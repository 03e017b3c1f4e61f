import { writeFileSync } from "node:fs";
import path from "node:path";
import { temporal as proto } from "@temporalio/proto";
import { describe, expect, it } from "vitest";
import { newUser } from "../../server/testing/users";
import { temporal } from "../client";
import { publishGraph, startTestWorker, waitForRun } from "../testing/harness";
import { FIXTURE_GRAPHS, FIXTURE_INPUT, FIXTURE_PAYLOAD_KEY, HISTORIES_DIR } from "./fixtures";

/**
 * Re-records the replay fixtures from real runs. Skipped in `npm test`; run it after an intended change to the
 * interpreter (and say so in the change), against services like npm test's:
 *   RECORD_HISTORIES=1 TEST_PG_ADMIN_URL=… TEMPORAL_ADDRESS=… npx vitest run workflows/replay/record.test.ts
 */
describe.runIf(process.env.RECORD_HISTORIES === "1")("record replay histories", () => {
  it("runs each fixture graph and saves its history", async () => {
    process.env.JUNCTION_PAYLOAD_KEY = FIXTURE_PAYLOAD_KEY;
    const user = await newUser("Recorder");
    const worker = await startTestWorker();
    try {
      for (const [name, graph] of Object.entries(FIXTURE_GRAPHS)) {
        const { workspaceId, workflowId } = await publishGraph(user, graph as unknown as Parameters<typeof publishGraph>[1], name);
        const { runId } = await user.caller.run.start({ workspaceId, workflowId, input: FIXTURE_INPUT });
        expect((await waitForRun(user, runId)).status).toBe("succeeded");
        // Binary protobuf in a JSON wrapper: the SDK's historyFromJSON trips over two protobufjs copies in this tree.
        const history = await (await temporal()).client.workflow.getHandle(runId).fetchHistory();
        const bytes = proto.api.history.v1.History.encode(history).finish();
        writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), JSON.stringify({ workflowId: runId, historyBase64: Buffer.from(bytes).toString("base64") }) + "\n");
      }
    } finally {
      await worker.stop();
    }
  }, 120_000);
});
