import type { Metadata } from "next";
import { RunCompareView } from "./run-compare-view";

type Params = Promise<{ workspaceId: string }>;
type Search = Promise<{ a?: string; b?: string }>;

export const metadata: Metadata = { title: "Compare runs" };

/** Two runs of one workflow side by side: /w/<ws>/runs/compare?a=<earlier or reference run>&b=<the other>. */
export default async function RunComparePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { workspaceId } = await params;
  const { a, b } = await searchParams;
  return <RunCompareView workspaceId={workspaceId} a={typeof a === "string" ? a : ""} b={typeof b === "string" ? b : ""} />;
}
