// Apart from lib/foresight/sparkline.ts, so the popup's empty placeholder box needs none of the chart's code.

/** The popup's content width, and a height that reads well at it (components/theme.css sizes the box alike). */
export const SPARKLINE_WIDTH = 288;
export const SPARKLINE_HEIGHT = 44;
