// Checks of a chart image as Discord shows it, shared by the unit and integration tests: the font
// sizes really drawn (read from the Skia context while the chart renders), the decoded pixels, and
// Discord's inline preview rule (labels at least 12 px when the image is shown 550 px wide).
import { createCanvas, loadImage } from '@napi-rs/canvas';

export const DISCORD_PREVIEW_WIDTH = 550;
export const MIN_LABEL_PX = 12;

const contextProto = Object.getPrototypeOf(createCanvas(1, 1).getContext('2d')) as object;
const fontAccessor = Object.getOwnPropertyDescriptor(contextProto, 'font')!;

/**
 * Records every font any canvas is given until `stop()` (Chart.js and the renderer's own text),
 * multiplied by the context's vertical scale at that moment: sizes in image pixels.
 */
export function recordDrawnFontPx(): { sizes: number[]; stop(): void } {
  const sizes: number[] = [];
  Object.defineProperty(contextProto, 'font', {
    ...fontAccessor,
    set(this: { getTransform(): { d: number } }, v: string) {
      const px = Number(/(\d+(?:\.\d+)?)px/.exec(v)?.[1]);
      if (px > 0) sizes.push(px * Math.abs(this.getTransform().d));
      fontAccessor.set!.call(this, v);
    },
  });
  return { sizes, stop: () => Object.defineProperty(contextProto, 'font', fontAccessor) };
}

/** The smallest label height in px when Discord scales the image down to its preview width. */
export function smallestLabelInPreview(fontPx: readonly number[], imageWidth: number): number {
  return (Math.min(...fontPx) * Math.min(imageWidth, DISCORD_PREVIEW_WIDTH)) / imageWidth;
}

export async function decodePng(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray; transparent: number }> {
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  let transparent = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) transparent++;
  return { width: img.width, height: img.height, data, transparent };
}
