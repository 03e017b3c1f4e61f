import type { ReactNode } from "react";

type Props = {
  /** The left column: what can be added (absent for viewers). */
  palette?: ReactNode;
  /** Above the main surface: the toolbar, the view switch, the draft's state. */
  bar: ReactNode;
  /** Messages about the draft as a whole (a refused save, the problems list). */
  notices?: ReactNode;
  /** The main surface: the canvas, or the JSON view. */
  main: ReactNode;
  /** The right column: the selected step's configuration. */
  panel: ReactNode;
};

/**
 * The Editor tab's frame: the canvas is the main surface and fills what the palette (left) and the step panel
 * (right) leave of the viewport; each column scrolls on its own, so a long form never pushes the canvas away.
 * Below the xl breakpoint the panel moves under the canvas.
 */
export function EditorLayout({ palette, bar, notices, main, panel }: Props) {
  return (
    <div
      data-testid="editor-layout"
      className={`grid gap-3 xl:h-[calc(100dvh-15.5rem)] xl:min-h-[30rem] ${palette ? "xl:grid-cols-[15rem_minmax(0,1fr)_21rem]" : "xl:grid-cols-[minmax(0,1fr)_21rem]"}`}
    >
      {palette && <div className="hidden min-h-0 xl:block">{palette}</div>}
      <div className="flex min-h-0 min-w-0 flex-col gap-2">
        {bar}
        {notices}
        <div className="h-[32rem] min-h-0 xl:h-auto xl:flex-1">{main}</div>
      </div>
      <div className="min-h-0 min-w-0 space-y-3 overflow-y-auto xl:pr-1">{panel}</div>
    </div>
  );
}
