/** Prints what is happening and how long it took, so a slow first start does not look like a hang. */
export async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  console.log(`▸ ${label}`);
  const result = await fn();
  console.log(`  done in ${seconds(Date.now() - started)}`);
  return result;
}

export function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s` : `${(ms / 1000).toFixed(1)}s`;
}
