import { setAt } from "@/app/_lib/schema-form/values";
import { TRIGGER_KINDS } from "@/workflows/graph/schema";
import { VERIFICATION_PRESETS, type VerificationPreset } from "@/workflows/graph/webhook-config";

/**
 * The trigger form's edits of a trigger node, as pure functions of the node's raw value (what the draft holds,
 * perhaps with problems). Each returns the whole next node; the editor records it as one undoable change.
 */
export type Raw = Record<string, unknown>;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

export function triggerKindOf(node: Raw): TriggerKind {
  return (TRIGGER_KINDS as readonly unknown[]).includes(node.trigger) ? (node.trigger as TriggerKind) : "manual";
}

/**
 * Another kind of trigger. The other kinds' settings stay on the node (switching back finds them; validation
 * ignores them), and a schedule starts from a cron that runs, so the form opens without an error.
 */
export function withTriggerKind(node: Raw, kind: TriggerKind, timezone = "UTC"): Raw {
  const next: Raw = { ...node, trigger: kind };
  if (kind === "manual") delete next.trigger;
  if (kind === "schedule" && !isObject(node.schedule)) next.schedule = { cron: "0 9 * * *", timezone };
  return next;
}

/** A value under the node (["webhook", "mode"]) set, or removed when undefined; emptied objects are removed too. */
export function withSetting(node: Raw, path: string[], value: unknown): Raw {
  let next = (setAt(node, path, value) ?? {}) as Raw;
  // Walk back up: a group left empty means "the defaults", not an empty object with nothing in it.
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const parent = path.slice(0, depth);
    const v = parent.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), next);
    if (isObject(v) && Object.keys(v).length === 0) next = (setAt(next, parent, undefined) ?? {}) as Raw;
  }
  return next;
}

export function presetOf(node: Raw): VerificationPreset {
  const v = isObject(node.webhook) && isObject(node.webhook.verification) ? node.webhook.verification.preset : undefined;
  return (VERIFICATION_PRESETS as readonly unknown[]).includes(v) ? (v as VerificationPreset) : "none";
}

/** Another verification preset: its own fields start at their defaults (another preset's header or tolerance does not carry over). */
export function withPreset(node: Raw, preset: VerificationPreset): Raw {
  return withSetting(node, ["webhook", "verification"], preset === "none" ? undefined : { preset });
}

/** The allowed methods with one turned on or off (the server refuses an empty list; the form shows why). */
export function withMethod(node: Raw, method: string, on: boolean): Raw {
  const current = isObject(node.webhook) && Array.isArray(node.webhook.methods) ? node.webhook.methods.filter((m): m is string => typeof m === "string") : ["POST"];
  const methods = on ? [...new Set([...current, method])] : current.filter((m) => m !== method);
  return withSetting(node, ["webhook", "methods"], methods);
}

export type AppTriggerChoice = { integration: string; version: string; key: string };

/**
 * Another integration trigger: its config starts empty (the previous trigger's fields mean nothing to it); the
 * connection and interval stay when the integration does.
 */
export function withAppTrigger(node: Raw, choice: AppTriggerChoice | null): Raw {
  const before = isObject(node.app) ? node.app : {};
  if (!choice) return withSetting(node, ["app"], undefined);
  const same = before.integration === choice.integration;
  const app: Raw = { integration: choice.integration, version: choice.version, key: choice.key, config: before.key === choice.key && same && isObject(before.config) ? before.config : {} };
  if (same && typeof before.connectionId === "string") app.connectionId = before.connectionId;
  if (typeof before.intervalSeconds === "number") app.intervalSeconds = before.intervalSeconds;
  return { ...node, app };
}
