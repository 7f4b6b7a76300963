/**
 * The visible electronic seal (电子印章), drawn as vectors in the layout of an official
 * round seal: thick outer ring, thin inner ring, a five-pointed star in the centre, the
 * department's name running clockwise along the upper arc, and the seal code under the star.
 * It only shows that the document was sealed; proof of origin is the /verify lookup.
 */
import { chineseFonts } from './fonts.js';
import { SEAL_RED } from './pdf.js';

export interface SealOptions {
  /** Centre of the seal, in points from the top left of the page. */
  x: number;
  y: number;
  radius: number;
  departmentName: string;
  code: string;
}

// The arc never closes underneath: the bottom stays free as on a real seal.
const MAX_ARC = (250 * Math.PI) / 180;
const MIN_ARC = Math.PI;
const multiplyStates = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFKitReference>();

/**
 * Red ink that multiplies with what is under it, like a real stamp: black text under the
 * seal stays black and legible, where plain transparency would wash it out. pdfkit has
 * opacity but no blend modes, so the graphics state is registered by hand.
 */
function multiply(doc: PDFKit.PDFDocument): void {
  let state = multiplyStates.get(doc);
  if (!state) {
    state = doc.ref({ Type: 'ExtGState', BM: 'Multiply' });
    state.end(undefined);
    multiplyStates.set(doc, state);
  }
  (doc.page.ext_gstates as Record<string, PDFKit.PDFKitReference>).SealMultiply = state;
  doc.addContent('/SealMultiply gs');
}

function star(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  // Inner/outer radius of a regular pentagram: the points meet the golden ratio.
  const inner = outer * 0.381966;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  doc.polygon(...points).fill(SEAL_RED);
}

/**
 * Characters stand upright to the circle (their tops face outwards). Long names shrink
 * rather than run past MAX_ARC.
 */
function arcText(doc: PDFKit.PDFDocument, text: string, cx: number, cy: number, radius: number, preferredSize: number): void {
  const chars = [...text.trim()];
  if (chars.length === 0) return;
  // The tops of the characters reach just inside the inner ring.
  const textRadius = radius * 0.86 - preferredSize / 2;
  const pitch = 1.1; // advance per character as a multiple of its size
  const size = Math.min(preferredSize, (MAX_ARC * textRadius) / (pitch * Math.max(chars.length - 1, 1)));
  // Short names spread out towards MIN_ARC, as engraved seals do, but never more than
  // double-spaced.
  const natural = (size * pitch) / textRadius;
  const step = chars.length > 1 ? Math.max(natural, Math.min(MIN_ARC / (chars.length - 1), natural * 2)) : 0;
  const span = step * (chars.length - 1);
  doc.font(chineseFonts().bold, size).fillColor(SEAL_RED);
  chars.forEach((char, i) => {
    // y grows downwards, so -90° is the top and growing angles run clockwise.
    const angle = -Math.PI / 2 - span / 2 + i * step;
    const px = cx + textRadius * Math.cos(angle);
    const py = cy + textRadius * Math.sin(angle);
    const width = doc.widthOfString(char);
    doc.save();
    doc.translate(px, py).rotate((angle * 180) / Math.PI + 90);
    doc.text(char, -width / 2, 0, { lineBreak: false, baseline: 'middle' });
    doc.restore();
  });
}

function centredText(doc: PDFKit.PDFDocument, text: string, cx: number, y: number, size: number, fontPath: string): void {
  doc.font(fontPath, size).fillColor(SEAL_RED);
  const width = doc.widthOfString(text);
  doc.text(text, cx - width / 2, y, { lineBreak: false, baseline: 'middle' });
}

/** Leaves the seal's font selected: callers choose their font before writing on. */
export function drawSeal(doc: PDFKit.PDFDocument, options: SealOptions): void {
  const { x, y, radius: r, departmentName, code } = options;
  if (!(r > 0)) throw new RangeError(`印章半径必须为正数 / seal radius must be positive: ${r}`);
  // Drawing text moves doc.x/doc.y, which the caller's flow layout depends on.
  const { x: flowX, y: flowY } = doc;

  doc.save();
  multiply(doc);
  doc.lineWidth(r * 0.05).circle(x, y, r * 0.975).stroke(SEAL_RED);
  doc.lineWidth(r * 0.015).circle(x, y, r * 0.89).stroke(SEAL_RED);
  star(doc, x, y, r * 0.27);
  arcText(doc, departmentName, x, y, r, r * 0.26);
  if (code.trim()) centredText(doc, code.trim(), x, y + r * 0.5, r * 0.11, chineseFonts().regular);
  doc.restore();

  doc.x = flowX;
  doc.y = flowY;
}
