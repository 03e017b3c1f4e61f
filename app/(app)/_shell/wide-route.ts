/**
 * Pages that need the whole window: the workflow editor's canvas. There the content drops the reading-width
 * limit, and the sidebar folds into the top bar's drawer until the window is wide enough (2xl) for both.
 */
const WIDE = [/^\/w\/[^/]+\/workflows\/[^/]+\/?$/];

export const isWideRoute = (pathname: string) => WIDE.some((re) => re.test(pathname));
