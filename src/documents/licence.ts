/** The electronic licence (电子证照): one A4 page of labelled fields, the issuing block and its seal. */
import { assertDate, assertGlyphs, bold, chineseDate, contentWidth, createDocument, ensureSpace, MUTED, regular, RULE, SEAL_RED, title, toBuffer } from './pdf.js';
import { signOff, type Department } from './sign-off.js';

export interface LicenceData {
  number: string;
  itemName: string;
  caseNumber: string;
  applicant: string;
  project?: string;
  decision: string;
  department: Department;
  issuedAt: Date;
  validUntil?: Date;
  sealCode: string;
}

type Field = [chinese: string, english: string, value: string];

const LABEL_WIDTH = 140;
const PADDING = 9;

function border(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc.save();
  doc.lineWidth(1.6).rect(28, 28, width - 56, height - 56).stroke(SEAL_RED);
  doc.lineWidth(0.5).rect(34, 34, width - 68, height - 68).stroke(SEAL_RED);
  doc.restore();
}

function fieldTable(doc: PDFKit.PDFDocument, fields: Field[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const valueWidth = width - LABEL_WIDTH - PADDING;
  doc.lineWidth(0.5).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke(RULE);
  for (const [chinese, english, value] of fields) {
    regular(doc, 12);
    const valueHeight = doc.heightOfString(value, { width: valueWidth });
    const labelHeight = bold(doc, 11).currentLineHeight(true) + regular(doc, 8).currentLineHeight(true);
    const height = Math.max(valueHeight, labelHeight) + PADDING * 2;
    ensureSpace(doc, height);
    const top = doc.y;
    bold(doc, 11).text(chinese, left + PADDING, top + PADDING, { width: LABEL_WIDTH - PADDING });
    regular(doc, 8, MUTED).text(english, left + PADDING, doc.y, { width: LABEL_WIDTH - PADDING });
    regular(doc, 12).text(value, left + LABEL_WIDTH, top + PADDING, { width: valueWidth });
    doc.y = top + height;
    doc.lineWidth(0.5).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke(RULE);
  }
  doc.x = left;
}

export async function renderLicence(data: LicenceData): Promise<Buffer> {
  if (data.validUntil) assertDate(data.validUntil, 'validUntil');
  const doc = createDocument({ title: `电子证照 ${data.number}`, subject: `${data.itemName} / ${data.caseNumber}`, issuedAt: data.issuedAt });
  assertGlyphs(doc, [data.number, data.itemName, data.caseNumber, data.applicant, data.project, data.decision, data.department.name, data.department.code, data.sealCode]);

  doc.y = 84;
  title(doc, '电子证照', 'Electronic Licence');
  const fields: Field[] = [
    ['证照编号', 'Licence No.', data.number],
    ['事项', 'Item', data.itemName],
    ['办件编号', 'Case No.', data.caseNumber],
    ['申请人', 'Applicant', data.applicant],
    ...(data.project ? [['项目', 'Project', data.project] satisfies Field] : []),
    ['决定', 'Decision', data.decision],
    // No expiry date is left out rather than printed as 长期: the data does not say which it is.
    ...(data.validUntil ? [['有效期至', 'Valid until', chineseDate(data.validUntil)] satisfies Field] : []),
  ];
  fieldTable(doc, fields);
  signOff(doc, {
    department: data.department,
    issuedAt: data.issuedAt,
    sealCode: data.sealCode,
    labels: { department: '发证机关', date: '发证日期' },
  });
  return toBuffer(doc, `可在 /verify 核验 / verify at /verify with number ${data.number} · 发证机关代码 / authority code ${data.department.code}`, border);
}
