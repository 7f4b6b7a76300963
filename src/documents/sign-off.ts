/**
 * The issuing block (落款) at the lower right: authority and date, with the seal over them
 * as on paper, where the seal covers the date so the two cannot be separated.
 */
import { chineseDate, contentWidth, ensureSpace, regular } from './pdf.js';
import { drawSeal } from './seal.js';

export interface Department {
  name: string;
  code: string;
}

export interface SignOff {
  department: Department;
  issuedAt: Date;
  sealCode: string;
  /** Labels before the authority and the date, e.g. 发证机关 / 发证日期; none on letters. */
  labels?: { department: string; date: string };
}

const BLOCK_WIDTH = 230;
const SEAL_RADIUS = 58;
const TEXT_SIZE = 12;

export function signOff(doc: PDFKit.PDFDocument, block: SignOff): void {
  ensureSpace(doc, SEAL_RADIUS * 2 + 40);
  doc.moveDown(2);
  const left = doc.page.margins.left + contentWidth(doc) - BLOCK_WIDTH;
  const line = (text: string) => regular(doc, TEXT_SIZE).text(text, left, doc.y, { width: BLOCK_WIDTH, align: 'center' });
  const label = (name: keyof NonNullable<SignOff['labels']>) => (block.labels ? `${block.labels[name]}：` : '');

  line(`${label('department')}${block.department.name}`);
  const dateTop = doc.y;
  line(`${label('date')}${chineseDate(block.issuedAt)}`);

  // Centred on the date, as a stamp is placed; the arc then runs through the blank space
  // above the authority's name. Multiplied ink keeps the text under the star readable.
  const centre = dateTop + TEXT_SIZE / 2;
  drawSeal(doc, { x: left + BLOCK_WIDTH / 2, y: centre, radius: SEAL_RADIUS, departmentName: block.department.name, code: block.sealCode });
  doc.y = centre + SEAL_RADIUS + 8;
  doc.x = doc.page.margins.left;
}
