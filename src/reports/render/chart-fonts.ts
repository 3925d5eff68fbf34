// Fonts for names in any script. Skia finds system fonts on its own only where it knows the folder;
// registering Debian's files by path makes CJK and emoji glyphs available wherever the packages are
// installed (.ci/run installs them). Where a package is missing, one warning says which and how to
// install it, and names are still drawn with the fonts that exist (missing glyphs become boxes).
import type { Logger } from '../../shared/logger.js';

export interface ChartFontFile {
  file: string;
  /** The family name the chart theme asks for. */
  family: string;
  debianPackage: string;
}

export const DEBIAN_CHART_FONTS: readonly ChartFontFile[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP', debianPackage: 'fonts-noto-cjk' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'Noto Sans CJK JP', debianPackage: 'fonts-noto-cjk' },
  { file: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf', family: 'Noto Color Emoji', debianPackage: 'fonts-noto-color-emoji' },
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans', debianPackage: 'fonts-dejavu-core' },
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', family: 'DejaVu Sans', debianPackage: 'fonts-dejavu-core' },
];

export interface ChartFontsResult {
  /** Debian packages whose font files were not found. */
  missing: string[];
}

type LogLike = Pick<Logger, 'warn'>;

/** Registers the files on the first call; later calls return the same result and log nothing. */
export function chartFontLoader(fonts: readonly ChartFontFile[]): (log?: LogLike) => Promise<ChartFontsResult> {
  let result: Promise<ChartFontsResult> | null = null;
  return (log) => (result ??= register(fonts, log));
}

async function register(fonts: readonly ChartFontFile[], log?: LogLike): Promise<ChartFontsResult> {
  // Loaded with the canvas, on the first chart: most bot processes never draw one.
  const { GlobalFonts } = await import('@napi-rs/canvas');
  const missing = new Set<string>();
  for (const f of fonts) {
    let ok = false;
    try {
      ok = Boolean(GlobalFonts.registerFromPath(f.file, f.family));
    } catch {
      // unreadable or not a font: counted as missing
    }
    if (!ok) missing.add(f.debianPackage);
  }
  const list = [...missing];
  if (list.length) {
    log?.warn(
      { missing: list },
      `chart fonts missing: names in some scripts will be drawn as boxes; install the Debian packages ${list.join(', ')} (apt-get install ${list.join(' ')})`,
    );
  }
  return { missing: list };
}

export const loadChartFonts = chartFontLoader(DEBIAN_CHART_FONTS);
