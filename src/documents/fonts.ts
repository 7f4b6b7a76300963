/**
 * Noto Sans Hans (SIL OFL 1.1) from @embedpdf/fonts-sc: the standard PDF fonts have no
 * Chinese glyphs, so every document embeds this font. Fonts are used by file path, never
 * as Buffers: pdfkit caches a font per path, but reopens a Buffer on every font() call.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ChineseFonts {
  regular: string;
  bold: string;
}

const PACKAGE = '@embedpdf/fonts-sc';
const FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

let resolved: ChineseFonts | undefined;

function fontsDirectory(): string {
  // createRequire resolves the same under Node, tsx and the test runner. The package
  // exports only its entry point (dist/…), so the fonts are found relative to it.
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch (cause) {
    throw new Error(`未安装中文字体包 ${PACKAGE} / the Chinese font package ${PACKAGE} is not installed`, { cause });
  }
  return path.join(path.dirname(entry), '..', 'fonts');
}

/** Absolute paths of the Regular and Bold faces; throws if either file is missing. */
export function chineseFonts(): ChineseFonts {
  if (resolved) return resolved;
  const directory = fontsDirectory();
  const fonts = { regular: path.join(directory, FILES.regular), bold: path.join(directory, FILES.bold) };
  for (const file of Object.values(fonts)) {
    if (!fs.existsSync(file)) throw new Error(`缺少中文字体文件 ${file} / Chinese font file missing: ${file}`);
  }
  resolved = fonts;
  return fonts;
}
