/**
 * Where the diagram opens: as large as fits the box's width (never above 1:1), never below a
 * zoom at which step ids stay readable; the box grows with the diagram up to `maxHeight`,
 * and a diagram still taller opens at its top (Start) — the rest is a drag away — rather than
 * shrinking to illegible.
 */
export const READABLE_ZOOM = 0.7;
const PAD = 16;
const MIN_HEIGHT = 220;

export interface OpeningView {
  x: number;
  y: number;
  zoom: number;
  /** The box's height in px. */
  height: number;
}

export function openingView(layout: { width: number; height: number }, boxWidth: number, maxHeight: number): OpeningView {
  const w = Math.max(layout.width, 1);
  const h = Math.max(layout.height, 1);
  const fitWidth = Math.min(1, (boxWidth - 2 * PAD) / w);
  let zoom = Math.max(READABLE_ZOOM, fitWidth);
  const height = Math.round(Math.min(maxHeight, Math.max(MIN_HEIGHT, h * zoom + 2 * PAD)));
  const fitHeight = (height - 2 * PAD) / h;
  zoom = Math.min(1, Math.max(READABLE_ZOOM, Math.min(zoom, fitHeight)));
  const x = Math.max(PAD, (boxWidth - w * zoom) / 2);
  const y = h * zoom + 2 * PAD <= height ? (height - h * zoom) / 2 : PAD;
  return { x, y, zoom, height };
}
