/**
 * The only functions a mapping may call: pure helpers over strings, numbers, dates and lists. No function
 * reads the clock or anything outside its arguments, so the interpreter can evaluate them during replay.
 */
const str = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number => Number(v);

function toDate(v: unknown): { getTime(): number; toISOString(): string } {
  // eslint-disable-next-line no-restricted-globals -- converts a given timestamp; never reads the clock
  const d = new Date(typeof v === "number" ? v : str(v));
  if (Number.isNaN(d.getTime())) throw new Error(`"${str(v)}" is not a date`);
  return d;
}

export const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  // strings
  string: (v) => str(v),
  upper: (v) => str(v).toUpperCase(),
  lower: (v) => str(v).toLowerCase(),
  trim: (v) => str(v).trim(),
  concat: (...vs) => vs.map(str).join(""),
  split: (v, sep) => str(v).split(str(sep)),
  replace: (v, from, to) => str(v).split(str(from)).join(str(to)),
  startsWith: (v, p) => str(v).startsWith(str(p)),
  endsWith: (v, p) => str(v).endsWith(str(p)),
  contains: (v, x) => (Array.isArray(v) ? v.includes(x) : str(v).includes(str(x))),
  json: (v) => JSON.stringify(v),
  // numbers
  number: (v) => num(v),
  round: (v, digits) => {
    const f = 10 ** num(digits ?? 0);
    return Math.round(num(v) * f) / f;
  },
  floor: (v) => Math.floor(num(v)),
  ceil: (v) => Math.ceil(num(v)),
  abs: (v) => Math.abs(num(v)),
  min: (...vs) => Math.min(...vs.flatMap((v) => (Array.isArray(v) ? v : [v])).map(num)),
  max: (...vs) => Math.max(...vs.flatMap((v) => (Array.isArray(v) ? v : [v])).map(num)),
  // dates (ISO 8601 strings in, ISO strings or epoch milliseconds out)
  date: (v) => toDate(v).toISOString(),
  dateMs: (v) => toDate(v).getTime(),
  addMs: (v, ms) => toDate(toDate(v).getTime() + num(ms)).toISOString(),
  addDays: (v, days) => toDate(toDate(v).getTime() + num(days) * 86_400_000).toISOString(),
  // lists and values
  length: (v) => (Array.isArray(v) || typeof v === "string" ? v.length : v && typeof v === "object" ? Object.keys(v).length : 0),
  first: (v) => list(v)[0],
  last: (v) => list(v).at(-1),
  at: (v, i) => list(v).at(num(i)),
  slice: (v, a, b) => (typeof v === "string" ? v.slice(num(a), b === undefined ? undefined : num(b)) : list(v).slice(num(a), b === undefined ? undefined : num(b))),
  join: (v, sep) => list(v).map(str).join(sep === undefined ? "," : str(sep)),
  sum: (v) => list(v).reduce<number>((s, x) => s + num(x), 0),
  pluck: (v, key) => list(v).map((x) => (x && typeof x === "object" && Object.hasOwn(x, str(key)) ? (x as Record<string, unknown>)[str(key)] : undefined)),
  keys: (v) => (v && typeof v === "object" ? Object.keys(v) : []),
  default: (v, fallback) => (v === undefined || v === null || v === "" ? fallback : v),
  range: (n) => Array.from({ length: Math.max(0, Math.min(10_000, num(n))) }, (_, i) => i),
};
