/**
 * Re-records the replay fixtures (workflows/replay/histories/*.json) from real runs of the fixture graphs on a
 * throwaway Postgres + Temporal. Run it after an intended change to the interpreter and say so in the commit:
 * the replay test then proves the new interpreter against the new histories, and the old ones are gone.
 *   npm run record-histories
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import protos from "@temporalio/proto";
import { validateGraph } from "../workflows/graph";
import { FIXTURE_GRAPHS, FIXTURE_INPUT, FIXTURE_PAYLOAD_KEY, HISTORIES_DIR } from "../workflows/replay/fixtures";
import { startScratchEngine } from "./lib/scratch-engine";

// A CommonJS package: Node's ESM loader gives only its default export.
const proto = protos.temporal;
const engine = await startScratchEngine({ payloadKey: FIXTURE_PAYLOAD_KEY });
try {
  for (const [name, graph] of Object.entries(FIXTURE_GRAPHS)) {
    const runId = await engine.runOnce(validateGraph(graph), { trigger: { kind: "manual", body: FIXTURE_INPUT } });
    // Binary protobuf in a JSON wrapper: the SDK's historyFromJSON trips over two protobufjs copies in this tree.
    const history = await engine.client.workflow.getHandle(runId).fetchHistory();
    const bytes = proto.api.history.v1.History.encode(history).finish();
    const file = path.join(HISTORIES_DIR, `${name}.json`);
    writeFileSync(file, JSON.stringify({ workflowId: runId, historyBase64: Buffer.from(bytes).toString("base64") }) + "\n");
    console.log(`recorded ${name}: ${history.events?.length ?? 0} events → ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await engine.stop();
}
