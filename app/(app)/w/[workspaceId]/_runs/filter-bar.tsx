"use client";
import { SelectField } from "@/app/_components/field";
import { RANGES, type RangeKey, type RunFilterState } from "./run-filters";

type Props = {
  filters: RunFilterState;
  onChange: (f: RunFilterState) => void;
  /** Versions of the workflow in view; null when no single workflow is selected (the filter then hides). */
  versions: { id: string; number: number }[] | null;
  /** The workspace's workflows, for the workspace-wide page; null on a workflow's own tab. */
  workflows: { id: string; name: string }[] | null;
};

export function FilterBar({ filters, onChange, versions, workflows }: Props) {
  const set = (patch: Partial<RunFilterState>) => onChange({ ...filters, ...patch });
  return (
    <div role="group" aria-label="Filter runs" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {workflows && (
        <SelectField
          label="Workflow"
          value={filters.workflowId}
          onChange={(e) => set({ workflowId: e.target.value, versionId: "" })}
          options={[{ value: "", label: "All workflows" }, ...workflows.map((w) => ({ value: w.id, label: w.name }))]}
        />
      )}
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(e) => set({ status: e.target.value as RunFilterState["status"] })}
        options={[
          { value: "", label: "Any status" },
          { value: "queued", label: "Queued" },
          { value: "running", label: "Running" },
          { value: "succeeded", label: "Succeeded" },
          { value: "succeeded_with_errors", label: "Succeeded with errors" },
          { value: "failed", label: "Failed" },
          { value: "cancelled", label: "Cancelled" },
        ]}
      />
      <SelectField
        label="Runs of"
        value={filters.kind}
        onChange={(e) => set({ kind: e.target.value as RunFilterState["kind"], versionId: e.target.value === "test" ? "" : filters.versionId })}
        options={[
          { value: "all", label: "Versions and draft tests" },
          { value: "published", label: "Published versions" },
          { value: "test", label: "Draft test runs" },
        ]}
      />
      {versions && filters.kind !== "test" && (
        <SelectField
          label="Version"
          value={filters.versionId}
          onChange={(e) => set({ versionId: e.target.value })}
          options={[{ value: "", label: "Any version" }, ...versions.map((v) => ({ value: v.id, label: `Version ${v.number}` }))]}
        />
      )}
      <SelectField
        label="Time range"
        value={filters.range}
        onChange={(e) => set({ range: e.target.value as RangeKey })}
        options={Object.entries(RANGES).map(([value, r]) => ({ value, label: r.label }))}
      />
    </div>
  );
}
