"use client";
import { useMemo, useState } from "react";
import type { DocNode } from "@/app/_lib/graph-edit/doc";
import { fieldChanges, setNodeOp, type Op } from "@/app/_lib/graph-edit/ops";
import { CanvasActionsProvider } from "@/app/(app)/w/[workspaceId]/_graph/canvas-actions";
import { GraphCanvas } from "@/app/(app)/w/[workspaceId]/_graph/graph-canvas";
import { ProblemList } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/problem-list";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";
import { TestPanel } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_testing/test-panel";
import { TestToggle, toggleState } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_testing/test-toggle";
import { useEditorTest } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_testing/use-editor-test";
import { ConnectByKeyboard } from "./connect-by-keyboard";
import { DraftJsonPanel } from "./draft-json-panel";
import { DraftStatus } from "./draft-status";
import { EditorLayout } from "./editor-layout";
import { EditorToolbar } from "./editor-toolbar";
import { JsonViewToggle, useJsonView } from "./json-view-toggle";
import { MappingProvider } from "./mapping-provider";
import { MergeDialog } from "./merge-dialog";
import { NodeInspector } from "./node-inspector";
import { CommandPalette } from "./palette/command-palette";
import { StepPalette } from "./palette/step-palette";
import { useAddStep } from "./palette/use-add-step";
import { useStepPicking } from "./palette/use-step-picking";
import { RenameDialog } from "./rename-dialog";
import { RestoreBanner } from "./restore-banner";
import { SaveProblems } from "./save-problems";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useCanvasShortcuts } from "./use-canvas-shortcuts";
import { useCanvasEditing } from "./use-canvas-editing";
import { useDraftEditor } from "./use-draft-editor";
import { useEditorCommands } from "./use-editor-commands";
import { useSelectionMark } from "./use-selection-mark";

/**
 * The Editor tab: the canvas is the editor, with the JSON of the same draft as an advanced view. Both edit one
 * document through operations (see draft-document.ts), so every edit — a step deleted on the canvas, a paste, a
 * field typed in the JSON — can be undone, and the undo history is saved with the draft. A problem the server
 * names on save is marked on its node.
 */
export function WorkflowEditor() {
  // The selection lives with the page: the publish dialog's problems list selects the node a problem names.
  const { workflow, selection, setSelection } = useWorkflowPage();
  const draft = useDraftEditor();
  const { state, graph, editable, edit } = draft;
  const [jsonOpen, setJsonOpen] = useJsonView();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [fitSignal, setFitSignal] = useState(0);
  // A graph typed or loaded with a different number of steps is fitted in view again (canvas edits keep the view).
  const [fittedCount, setFittedCount] = useState(graph.nodes.length);
  if (graph.nodes.length !== fittedCount) {
    setFittedCount(graph.nodes.length);
    if (state.origin !== "canvas") setFitSignal((n) => n + 1);
  }
  const selected = useMemo(() => new Set(selection.filter((id) => graph.nodes.some((n) => n.id === id))), [selection, graph]);
  const selectedId = selected.size === 1 ? [...selected][0]! : null;
  useSelectionMark(selectedId);

  const canvasEditing = useCanvasEditing(draft, setSelection);
  const { extras } = canvasEditing;
  const commands = useEditorCommands({ draft, selected, extras, clearExtras: canvasEditing.clearExtras, setSelection, fitView: () => setFitSignal((n) => n + 1), showShortcuts: () => setSheetOpen(true) });

  // Adding steps: the palette column, drops on the canvas, the "+" on handles and edges, and Ctrl/Cmd+K.
  const steps = useAddStep(draft, setSelection);
  const pick = useStepPicking(graph, selectedId);
  const [renaming, setRenaming] = useState<string | null>(null);
  const hasTrigger = graph.nodes.some((n) => n.kind === "trigger");
  const canvasActions = editable ? { ...pick.fromCanvas, rename: setRenaming, duplicate: commands.duplicateStep, remove: commands.removeStep } : null;
  useCanvasShortcuts({ ...commands, openPalette: () => editable && pick.open() }, true);

  // The step form (node inspector) edits one step: typing in one field is one undo step per pause.
  const onNodeChange = (next: DocNode) => {
    const current = state.doc?.nodes.find((n) => n.id === next.id);
    const fields = current ? fieldChanges(current, next).map((f) => f.key) : [];
    edit((doc) => setNodeOp(doc, next), { key: `field:${next.id}:${fields.join(",")}` });
  };
  const trigger = graph.nodes.find((n) => n.kind === "trigger") ?? null;
  // Testing from the editor: the latest test's states on the canvas, its results in a panel under it.
  const test = useEditorTest(workflow.workspaceId, workflow.id, trigger?.id ?? null);
  const [testOpen, setTestOpen] = useState(false);

  // One row at 1280 px: the tools are icons, and the draft's state is what gives way (its detail truncates).
  const problem = draft.canEdit && state.parses ? state.problem : null;
  const bar = (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <div className="flex shrink-0 items-center gap-0.5">
          <EditorToolbar
            readOnly={!draft.canEdit}
            canEdit={editable}
            canUndo={editable && state.history.undo.length > 0}
            canRedo={editable && state.history.redo.length > 0}
            hasSelection={selected.size + extras.edges.size + extras.notes.size > 0}
            onUndo={commands.undo}
            onRedo={commands.redo}
            onDelete={commands.remove}
            onDuplicate={commands.duplicate}
            onTidy={commands.tidyUp}
            onAddNote={canvasEditing.addNote}
            onShortcuts={commands.showShortcuts}
          />
          <ConnectByKeyboard graph={graph} selectedId={selectedId} onConnect={canvasEditing.canvasProps.onConnect} />
        </div>
        <div className="flex min-w-0 items-center gap-1.5">
          <TestToggle
            open={testOpen}
            onChange={(open) => {
              setTestOpen(open);
              // The canvas changes height with the panel: fit the graph again once it has its new size.
              requestAnimationFrame(() => requestAnimationFrame(() => setFitSignal((n) => n + 1)));
            }}
            state={toggleState(test.run?.status)}
          />
          <JsonViewToggle open={jsonOpen} onChange={setJsonOpen} />
          <DraftStatus readOnly={!draft.canEdit} status={draft.save} dirty={draft.dirty} canSave={state.parses} onSave={draft.onSave} onRevert={draft.onRevert} />
        </div>
      </div>
      {problem && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-300">
          The canvas cannot edit this draft until its JSON is fixed: {problem}
        </p>
      )}
    </div>
  );
  // The canvas is the editor; the JSON of the same draft opens under it for those who want it.
  const main = (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <CanvasActionsProvider actions={canvasActions}>
        <GraphCanvas
          graph={graph}
          issues={draft.byNode}
          states={test.states}
          durations={test.durations}
          selectedIds={selected}
          onSelectionChange={setSelection}
          onMove={editable ? commands.move : undefined}
          {...canvasEditing.canvasProps}
          fitViewSignal={fitSignal}
          onDropStep={editable ? (key, at) => steps.addByKey(key, { at }) : undefined}
          emptyHint={draft.canEdit ? "This workflow has no nodes yet. Start with a trigger: drag one here from the palette, or press Ctrl/⌘ K." : undefined}
          label="Workflow canvas"
          className="min-h-0 flex-1"
        />
      </CanvasActionsProvider>
      {testOpen && (
        <div id="editor-test-panel" className="h-[50%] min-h-48 shrink-0 overflow-y-auto">
          <TestPanel test={test} ids={draft.ids} nodes={graph.nodes} selectedId={selectedId} canEdit={draft.canEdit} currentGraph={() => parsedOrUndefined(state.text)} />
        </div>
      )}
      {jsonOpen && (
        <div id="draft-json-view" className="h-[45%] min-h-40 shrink-0">
          <DraftJsonPanel text={state.text} onChange={(text) => draft.dispatch({ type: "typed", text, now: Date.now() })} readOnly={!draft.canEdit} onSave={commands.save} syntaxError={state.parses ? null : state.problem} />
        </div>
      )}
    </div>
  );
  const panel = (
    <>
      <ProblemList problems={workflow.draftProblems} title="Problems to fix before publishing" onSelect={(id) => setSelection([id])} />
      <MappingProvider doc={state.doc} nodeId={selectedId} workspaceId={workflow.workspaceId} workflowId={workflow.id}>
        <NodeInspector
          nodes={graph.nodes}
          selectedId={selectedId}
          onSelect={(id) => setSelection(id ? [id] : [])}
          issues={(selectedId && draft.byNode.get(selectedId)) || []}
          onChange={editable ? onNodeChange : undefined}
          onRename={canvasEditing.renameStep}
          workspaceId={workflow.workspaceId}
          readOnlyReason={draft.canEdit && !editable ? "Fix the draft in the JSON view to edit with the form." : undefined}
        />
      </MappingProvider>
    </>
  );

  return (
    <>
      <EditorLayout
        palette={draft.canEdit ? <StepPalette entries={steps.entries} loading={steps.loading} hasTrigger={hasTrigger} disabled={!editable} onPick={(entry) => steps.add(entry, pick.nextTo(entry).where)} /> : undefined}
        bar={bar}
        notices={
          <>
            <RestoreBanner backup={draft.save.backup.offer} onRestore={draft.save.backup.restore} onDiscard={draft.save.backup.discard} />
            <SaveProblems error={draft.refusal} fieldErrors={draft.fieldErrors} onLoadTheirs={draft.reloadLatest} />
          </>
        }
        main={main}
        panel={panel}
      />
      <CommandPalette target={pick.picking} entries={steps.entries} loading={steps.loading} hasTrigger={hasTrigger} onClose={pick.close} onPick={steps.add} />
      <RenameDialog
        stepId={renaming}
        doc={state.doc}
        onClose={() => setRenaming(null)}
        onRename={(op: Op, id: string) => {
          edit(() => op);
          setSelection([id]);
        }}
      />
      <ShortcutsDialog open={sheetOpen} onClose={() => setSheetOpen(false)} />
      <MergeDialog key={draft.merge?.revision ?? 0} result={draft.merge?.result ?? null} onClose={() => draft.save.closeMerge(false)} onTakeTheirs={draft.reloadLatest} onApply={draft.applyMerge} />
    </>
  );
}

/** The draft's JSON as the editor holds it now (unsaved edits included), or undefined while it does not parse. */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
