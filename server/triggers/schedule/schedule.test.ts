import { ScheduleNotFoundError } from "@temporalio/client";
import type { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { runs } from "../../../db/schema";
import { temporal } from "../../../workflows/client";
import { scheduleIdOf } from "../../../workflows/constants";
import { g, startTestWorker, waitForRun } from "../../../workflows/testing/harness";
import { newUser } from "../../testing/users";

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const ws = () => user.personalWorkspaceId;

beforeAll(async () => {
  user = await newUser("Sam Scheduler");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

const graph = (schedule: Record<string, unknown>) => ({
  schemaVersion: 1,
  nodes: [{ id: "start", kind: "trigger", trigger: "schedule", schedule }, g.set("tick", { at: "{{ trigger.scheduledAt }}" })],
  edges: g.chain("start", "tick"),
});

async function describeSchedule(workflowId: string) {
  const { client } = await temporal();
  return client.schedule.getHandle(scheduleIdOf(workflowId)).describe();
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("schedule triggers", () => {
  it("creates the Temporal Schedule on activation, updates it on publish, and removes it on deactivation", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: ws(), name: "Morning report" });
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: graph({ cron: "0 9 * * MON-FRI", timezone: "Europe/Berlin" }) });
    const v1 = await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" });
    await expect(describeSchedule(wf.id)).rejects.toBeInstanceOf(ScheduleNotFoundError); // published, not active

    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: true });
    const created = await describeSchedule(wf.id);
    expect(created.spec.timezone).toBe("Europe/Berlin");
    expect(created.policies.overlap).toBe("SKIP");
    expect(created.action).toMatchObject({ type: "startWorkflow", workflowType: "scheduledRun", taskQueue: worker.taskQueue, args: [{ workspaceId: ws(), workflowId: wf.id, versionId: v1.id }] });
    // The editor's preview (croner) and Temporal agree on when it fires.
    const preview = await user.caller.trigger.schedulePreview({ workspaceId: ws(), cron: "0 9 * * MON-FRI", timezone: "Europe/Berlin" });
    expect(preview.times.map((t) => t.toISOString())).toEqual(created.info.nextActionTimes.slice(0, 5).map((t) => t.toISOString()));
    expect(preview.times[0]!.getUTCHours()).toBeOneOf([7, 8]); // 09:00 in Berlin (CEST or CET)

    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: graph({ cron: "30 6 * * *", timezone: "America/New_York", overlap: "buffer_one" }) });
    const v2 = await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v2" });
    const updated = await describeSchedule(wf.id);
    expect(updated.spec.timezone).toBe("America/New_York");
    expect(updated.policies.overlap).toBe("BUFFER_ONE");
    expect(updated.action.args).toEqual([{ workspaceId: ws(), workflowId: wf.id, versionId: v2.id }]);
    const preview2 = await user.caller.trigger.schedulePreview({ workspaceId: ws(), cron: "30 6 * * *", timezone: "America/New_York" });
    expect(preview2.times.map((t) => t.toISOString())).toEqual(updated.info.nextActionTimes.slice(0, 5).map((t) => t.toISOString()));
    const status = await user.caller.trigger.status({ workspaceId: ws(), workflowId: wf.id });
    expect(status.schedule).toMatchObject({ timezone: "America/New_York", paused: false });
    expect(status.schedule!.nextTimes.map((t) => t.toISOString())).toEqual(preview2.times.map((t) => t.toISOString()));

    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
    await expect(describeSchedule(wf.id)).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect((await user.caller.trigger.status({ workspaceId: ws(), workflowId: wf.id })).schedule).toBeNull();

    // Active again, then a version whose trigger is no longer a schedule: the schedule goes.
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: true });
    expect((await describeSchedule(wf.id)).action.args).toEqual([{ workspaceId: ws(), workflowId: wf.id, versionId: v2.id }]);
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 3, graph: { ...graph({ cron: "@daily" }), nodes: [g.trigger(), g.set("tick", {})] } });
    await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "manual now" });
    await expect(describeSchedule(wf.id)).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
  });

  it("starts a run of the pinned version when the schedule fires (triggered now)", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: ws(), name: "Hourly" });
    await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: graph({ cron: "@hourly" }) });
    const v1 = await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" });
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: true });
    const { client } = await temporal();
    await client.schedule.getHandle(scheduleIdOf(wf.id)).trigger();
    const row = await waitFor("the scheduled run", async () => (await getDb().select().from(runs).where(and(eq(runs.workflowId, wf.id))))[0]);
    const run = await waitForRun(user, row.id);
    expect(run).toMatchObject({ status: "succeeded", workflowVersionId: v1.id, trigger: { kind: "schedule" } });
    const scheduledAt = (run.trigger as { scheduledAt: string }).scheduledAt;
    expect(Math.abs(Date.parse(scheduledAt) - Date.now())).toBeLessThan(60_000);
    expect(run.steps[0]!.output).toEqual({ at: scheduledAt });
    await user.caller.workflow.setActive({ workspaceId: ws(), workflowId: wf.id, active: false });
  });

  it("names the field of a bad cron or timezone on save, refuses to publish it, and refuses it in the preview", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: ws(), name: "Broken" });
    const saved = await user.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph: graph({ cron: "0 9 * *", timezone: "Berlin" }) });
    expect(saved.problems.map((p) => `${p.nodeId}.${p.field}`)).toEqual(["start.schedule.cron", "start.schedule.timezone"]);
    const err = (await user.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "" }).catch((e: TRPCError) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    const fields = (err.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fields["nodes.start.schedule.cron"]).toEqual([expect.stringMatching(/has 5 fields .* this one has 4/)]);
    expect(fields["nodes.start.schedule.timezone"]).toEqual([expect.stringMatching(/"Berlin" is not an IANA timezone/)]);
    const bad = (await user.caller.trigger.schedulePreview({ workspaceId: ws(), cron: "every day", timezone: "UTC" }).catch((e: TRPCError) => e)) as TRPCError;
    expect(bad.code).toBe("BAD_REQUEST");
    expect((bad.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors.cron).toEqual([expect.stringMatching(/has 2/)]);
  });
});
