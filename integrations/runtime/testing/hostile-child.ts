/**
 * A sandbox process that breaks the protocol on purpose, standing in for one whose isolate was escaped: it
 * speaks the line channel on fd 3 like process/child.ts, but answers each "run" with what the job's
 * `input.attack` names, written as raw text so nothing on this side can refuse to send it. Tests only.
 */
import { Socket } from "node:net";

const socket = new Socket({ fd: 3, readable: true, writable: true });
const write = (text: string) => socket.write(`${text}\n`);
const deepArray = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const usage = '{"cpuMs":1,"wallMs":1,"queuedMs":0,"heapPeakBytes":1,"fetchCount":0,"fetchBytes":0}';

const ATTACKS: Record<string, (id: number) => string[]> = {
  // Far past anything a recursive parser or deserializer survives.
  deepOutput: (id) => [`{"t":"done","id":${id},"ok":true,"result":{"output":${deepArray(200_000)},"usage":${usage}}}`],
  deepLog: (id) => [`{"t":"log","id":${id},"level":"info","message":"x","data":${deepArray(200_000)}}`],
  deepStoreSet: (id) => [`{"t":"call","id":${id},"callId":1,"op":"store.set","args":["k",${deepArray(200_000)}]}`],
  notJson: () => ["{", '{"t":'],
  noResult: (id) => [`{"t":"done","id":${id},"ok":true}`],
  unknownOp: (id) => [`{"t":"call","id":${id},"callId":1,"op":"fs.readFile","args":["/etc/passwd"]}`],
  badError: (id) => [`{"t":"done","id":${id},"ok":false,"error":{"code":"limit","limit":"__proto__","message":"x"}}`],
  notAnObject: () => ['"hello"', "null", "[1,2]"],
  // An honest answer, to show the process is otherwise usable.
  honest: (id) => [`{"t":"done","id":${id},"ok":true,"result":{"output":{"fine":true},"usage":${usage}}}`],
};

let buffered = "";
socket.setEncoding("utf8");
socket.on("data", (chunk: string) => {
  buffered += chunk;
  for (let newline = buffered.indexOf("\n"); newline !== -1; newline = buffered.indexOf("\n")) {
    const message = JSON.parse(buffered.slice(0, newline)) as { t: string; id: number; job?: { input?: { attack?: string } } };
    buffered = buffered.slice(newline + 1);
    if (message.t !== "run") continue;
    for (const line of ATTACKS[message.job?.input?.attack ?? "honest"]!(message.id)) write(line);
  }
});
socket.on("close", () => process.exit(0));
write('{"t":"ready"}');
