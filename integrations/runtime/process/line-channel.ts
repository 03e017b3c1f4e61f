import type { Duplex } from "node:stream";

/**
 * The parent ↔ sandbox process channel: one JSON text per line over a socket pair (fd 3 in the child). Ours,
 * not Node's IPC channel, because Node parses IPC messages inside its own channel reader: with "advanced"
 * serialization V8's deserializer recursed on a deeply nested message, and with "json" a line that is not JSON
 * throws there too — either way an exception in the worker that no handler of ours can catch. Here every line
 * is parsed inside a try (JSON.parse is iterative: depth cannot overflow it), and a message longer than
 * `maxLineChars` is a problem reported, not memory grown without end.
 */
export type LineChannel = {
  /** Writes one message. Throws (from JSON.stringify) on a value JSON cannot write: callers decide what that means. */
  send(message: unknown, onWritten?: () => void): void;
};

export function lineChannel(
  socket: Duplex,
  handlers: { message: (raw: unknown) => void; problem: (problem: string) => void },
  maxLineChars: number,
): LineChannel {
  let partial: string[] = [];
  let partialChars = 0;
  let discarding = false;
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    let start = 0;
    for (let newline = chunk.indexOf("\n"); newline !== -1; newline = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, newline);
      start = newline + 1;
      const line = partial.length ? partial.join("") + piece : piece;
      const skip = discarding || partialChars + piece.length > maxLineChars;
      partial = [];
      partialChars = 0;
      discarding = false;
      if (skip) {
        handlers.problem(`a message longer than ${maxLineChars} characters`);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        handlers.problem("a line that is not JSON");
        continue;
      }
      handlers.message(parsed);
    }
    if (start < chunk.length && !discarding) {
      const rest = chunk.slice(start);
      partialChars += rest.length;
      // Past the cap, keep nothing until the line ends: the sender cannot make us hold more.
      if (partialChars > maxLineChars) {
        discarding = true;
        partial = [];
      } else partial.push(rest);
    }
  });
  return {
    send(message, onWritten) {
      const text = JSON.stringify(message);
      if (text === undefined) throw new TypeError("Nothing to send.");
      if (!socket.destroyed && socket.writable) socket.write(`${text}\n`, onWritten && (() => onWritten()));
    },
  };
}
