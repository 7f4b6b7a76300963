/** What every rendered document shares: page setup, metadata, fonts, dates and the byte stream. */
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { ZONE } from '../calendar/day.js';
import { chineseFonts } from './fonts.js';

export const PRODUCER = 'Sunshine 阳光政务';
export const INK = '#1a1a1a';
export const MUTED = '#666666';
export const RULE = '#999999';
export const SEAL_RED = '#d7141a';

export interface DocumentMeta {
  title: string;
  subject: string;
  issuedAt: Date;
  /** Who must sign it (usernames); written into the Info dictionary, which the signatures cover. */
  requiredSigners?: string[];
}

export function assertDate(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`无效日期 ${field} / invalid date for ${field}: ${String(value)}`);
  }
}

export function createDocument(meta: DocumentMeta): PDFKit.PDFDocument {
  assertDate(meta.issuedAt, 'issuedAt');
  const fonts = chineseFonts();
  // Both dates are the issue date so that the same input gives the same bytes: pdfkit
  // derives the file ID from the info dictionary, which otherwise carries the current time.
  return new PDFDocument({
    size: 'A4',
    // The seal's blend mode is a PDF 1.4 feature; pdfkit writes 1.3 by default.
    pdfVersion: '1.4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    font: fonts.regular,
    lang: 'zh-CN',
    displayTitle: true,
    // Footers carry "page i/n", known only at the end; see toBuffer.
    bufferPages: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Producer: PRODUCER,
      Creator: PRODUCER,
      CreationDate: meta.issuedAt,
      ModDate: meta.issuedAt,
      // Read back by documents/verification.ts, so that an offline check knows who is missing.
      ...(meta.requiredSigners?.length ? { SunshineRequiredSigners: meta.requiredSigners.join(',') } : {}),
    } as PDFKit.DocumentInfo,
  });
}

/**
 * Draws the footer on every page, then ends the document and collects it. Footers are
 * drawn last rather than on 'pageAdded': that event fires in the middle of wrapping text,
 * and the footer's font would carry over into the rest of the paragraph.
 */
export function toBuffer(doc: PDFKit.PDFDocument, footerText: string, eachPage?: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    eachPage?.(doc);
    footer(doc, count > 1 ? `${footerText} · ${i - start + 1}/${count}` : footerText);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function regular(doc: PDFKit.PDFDocument, size: number, color = INK): PDFKit.PDFDocument {
  return doc.font(chineseFonts().regular, size).fillColor(color);
}

export function bold(doc: PDFKit.PDFDocument, size: number, color = INK): PDFKit.PDFDocument {
  return doc.font(chineseFonts().bold, size).fillColor(color);
}

/** Official documents date in Beijing time, whatever the server's zone: 2026年11月28日. */
export function chineseDate(instant: Date): string {
  assertDate(instant, 'date');
  const day = DateTime.fromJSDate(instant).setZone(ZONE);
  return `${day.year}年${day.month}月${day.day}日`;
}

// pdfkit has no public way to ask a font for coverage; its fontkit object does.
interface FontkitFace {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * A character the font lacks prints as an empty box; on a licence that silently changes a
 * name, so rendering fails instead and says which characters are missing.
 */
export function assertGlyphs(doc: PDFKit.PDFDocument, texts: readonly (string | undefined)[]): void {
  const face = (doc as unknown as { _font?: { font?: FontkitFace } })._font?.font;
  if (typeof face?.hasGlyphForCodePoint !== 'function') return;
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text ?? '') {
      if (!/\s/u.test(char) && !face.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
    }
  }
  if (missing.size > 0) {
    const list = [...missing].map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    throw new Error(`字体不含以下字符，无法生成文书：${list} / the font has no glyph for: ${list}`);
  }
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page unless `height` still fits above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * One line in the bottom margin. Drawn without a width on purpose: pdfkit's line wrapper
 * would see the margin as full and start a new page.
 */
function footer(doc: PDFKit.PDFDocument, text: string): void {
  regular(doc, 8, MUTED);
  const width = doc.widthOfString(text);
  doc.text(text, (doc.page.width - width) / 2, doc.page.height - doc.page.margins.bottom + 6, { lineBreak: false });
}

/** Centred bold title with its English gloss underneath. */
export function title(doc: PDFKit.PDFDocument, chinese: string, english: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  bold(doc, 24).text(chinese, left, doc.y, { width, align: 'center', characterSpacing: 4 });
  regular(doc, 11, MUTED).text(english, left, doc.y, { width, align: 'center' });
  doc.moveDown(1);
}

