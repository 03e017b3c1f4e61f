"use client";
import { createContext, useContext } from "react";
import type { MappingView, Sample } from "@/app/_lib/mapping/sources";

/**
 * What a template field inside the step form needs for mapping: the selected step's sources (for the picker),
 * the sample (for previews) and the reference checks' scope. Provided by the editor around the step form;
 * without it (a form elsewhere) template fields are plain text.
 */
export type MappingContextValue = {
  view: MappingView;
  sample: Sample | null;
  /** While the sample loads, previews say so instead of "no sample yet". */
  loadingSample: boolean;
  /** Reference problems of the selected step by field ("input.url", "items"): the server's own check. */
  problems: Map<string, string>;
};

export const MappingContext = createContext<MappingContextValue | null>(null);

export const useMapping = (): MappingContextValue | null => useContext(MappingContext);
