/**
 * A trivial workflow that proves a worker is polling the task queue and executing workflow code.
 * Used by the worker's own test and by operators (`temporal workflow execute --type ping`).
 */
export async function ping(message: string): Promise<string> {
  return `pong: ${message}`;
}
