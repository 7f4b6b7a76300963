/**
 * Just enough of a PDF reader to see what pdfkit wrote, with no extra package: inflates
 * the streams, reads each font's ToUnicode CMap and decodes the glyph ids shown between
 * BT and ET. pdfkit writes text as hex glyph ids, so a plain search of the file finds nothing.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export interface PdfContent {
  objects: Map<number, PdfObject>;
  /** One entry per text object (BT … ET), in drawing order. */
  blocks: string[];
  /** The same text objects, page by page. */
  pages: string[][];
  /** The decoded content stream of each page, to look at drawing operators. */
  contents: string[];
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('\nendobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('\nstream\n');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + '\nstream\n'.length;
    const raw = pdf.subarray(dataStart, text.indexOf('\nendstream', dataStart));
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

/** glyph id → text, from `<first> <last> [<utf16> …]` ranges (the form pdfkit writes). */
function parseCMap(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const [, first, , values] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    [...values!.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, units], i) => {
      const codeUnits = units!.trim().split(/\s+/).map((unit) => parseInt(unit, 16));
      glyphs.set(parseInt(first!, 16) + i, String.fromCharCode(...codeUnits));
    });
  }
  return glyphs;
}

function fontMaps(objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const byName = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fonts = /\/Font <<([^>]*)>>/.exec(dict);
    if (!fonts) continue;
    for (const [, name, ref] of fonts[1]!.matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '');
      const cmap = toUnicode && objects.get(Number(toUnicode[1]))?.stream;
      if (cmap) byName.set(name!, parseCMap(cmap.toString('latin1')));
    }
  }
  return byName;
}

function decodeBlocks(content: string, fonts: Map<string, Map<number, string>>): string[] {
  const blocks: string[] = [];
  for (const [, body] of content.matchAll(/\nBT\n([\s\S]*?)\nET/g)) {
    let font: Map<number, string> | undefined;
    let text = '';
    for (const [, name, shown] of body!.matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\] TJ|<[0-9a-f]*> Tj)/gi)) {
      if (name) font = fonts.get(name);
      else for (const [, hex] of shown!.matchAll(/<([0-9a-f]*)>/gi)) {
        for (let i = 0; i < hex!.length; i += 4) text += font?.get(parseInt(hex!.slice(i, i + 4), 16)) ?? '\uFFFD';
      }
    }
    blocks.push(text);
  }
  return blocks;
}

export function readPdf(pdf: Buffer): PdfContent {
  const objects = parseObjects(pdf);
  const fonts = fontMaps(objects);
  const tree = [...objects.values()].find((object) => object.dict.includes('/Type /Pages'));
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(tree?.dict ?? '')?.[1]?.matchAll(/(\d+) 0 R/g) ?? []];
  const contents = kids.map(([, page]) => {
    const ref = /\/Contents (\d+) 0 R/.exec(objects.get(Number(page))?.dict ?? '')?.[1];
    return objects.get(Number(ref))?.stream?.toString('latin1') ?? '';
  });
  const pages = contents.map((content) => decodeBlocks(`\n${content}`, fonts));
  return { objects, contents, pages, blocks: pages.flat() };
}

/** All text in drawing order, lines joined without separators so wrapped text reads whole. */
export function pdfText(pdf: Buffer): string {
  return readPdf(pdf).blocks.join('');
}
