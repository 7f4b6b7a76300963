/**
 * Decision letters on a case: approval, refusal, or the one-time notice of everything the
 * applicant must supplement (一次性告知, Administrative Licensing Law art. 32(1)(4)).
 * The fixed sentences cite the statute; they are boilerplate for legal review, not advice.
 */
import { assertGlyphs, bold, contentWidth, createDocument, INK, MUTED, regular, SEAL_RED, title, toBuffer } from './pdf.js';
import { signOff, type Department } from './sign-off.js';

export type LetterDecision = 'approve' | 'object' | 'correction' | 'not-accepted';

export interface DecisionLetterData {
  number: string;
  itemName: string;
  caseNumber: string;
  applicant: string;
  decision: LetterDecision;
  opinion: string;
  missingItems?: string[];
  department: Department;
  issuedAt: Date;
  sealCode: string;
}

interface Wording {
  title: string;
  english: string;
  finding: string;
  closing: string[];
}

const LAW = '《中华人民共和国行政许可法》';

const WORDING: Record<LetterDecision, Wording> = {
  approve: {
    title: '行政许可决定书',
    english: 'Decision to Grant an Administrative Licence',
    finding: `经审查，你（单位）的申请符合法定条件、标准。根据${LAW}第三十八条第一款的规定，本机关决定准予行政许可。`,
    closing: ['特此决定。'],
  },
  object: {
    title: '不予许可决定书',
    english: 'Decision Not to Grant an Administrative Licence',
    finding: `经审查，你（单位）的申请不符合法定条件、标准。根据${LAW}第三十八条第二款的规定，本机关决定不予行政许可，理由见审查意见。`,
    // Art. 38(2) requires a refusal to state the remedies; the time limits are those of the
    // Administrative Reconsideration Law (60 days) and Administrative Litigation Law (6 months).
    closing: [
      '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
      '特此决定。',
    ],
  },
  'not-accepted': {
    title: '不予受理决定书',
    english: 'Decision Not to Accept an Application',
    finding: `经审查，你（单位）的申请依法不予受理。根据${LAW}第三十二条第一款的规定，本机关决定不予受理，理由见审查意见。`,
    closing: [
      '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
      '特此决定。',
    ],
  },
  correction: {
    title: '补正材料通知书',
    english: 'Notice to Supplement Application Materials',
    finding: `经审查，你（单位）提交的申请材料不齐全或者不符合法定形式。根据${LAW}第三十二条第一款第（四）项的规定，现一次性告知需要补正的全部内容如下：`,
    closing: ['请按上述要求补正全部材料后重新提交。', '特此通知。'],
  },
};

const BODY_SIZE = 12;

function paragraph(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  // Chinese paragraphs open with a two-character indent.
  regular(doc, BODY_SIZE).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), indent: BODY_SIZE * 2, align: 'justify', ...options });
  doc.moveDown(0.3);
}

function redHeader(doc: PDFKit.PDFDocument, department: Department): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  bold(doc, 22, SEAL_RED).text(department.name, left, doc.y, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.3);
  doc.save().lineWidth(2).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke(SEAL_RED).restore();
  doc.moveDown(1.2);
}

function checkInput(data: DecisionLetterData): string[] {
  if (!Object.hasOwn(WORDING, data.decision)) throw new TypeError(`未知决定 / unknown decision: ${String(data.decision)}`);
  if (data.decision !== 'correction') return [];
  const missing = (data.missingItems ?? []).map((item) => item.trim()).filter(Boolean);
  // 一次性告知 means everything at once: an empty list would leave the applicant guessing.
  if (missing.length === 0) {
    throw new TypeError('补正材料通知书须列明需补正的全部内容 / a correction notice must list the missing items');
  }
  return missing;
}

export async function renderDecisionLetter(data: DecisionLetterData): Promise<Buffer> {
  const missing = checkInput(data);
  const wording = WORDING[data.decision];
  const doc = createDocument({ title: `${wording.title} ${data.number}`, subject: `${data.itemName} / ${data.caseNumber}`, issuedAt: data.issuedAt });
  assertGlyphs(doc, [data.number, data.itemName, data.caseNumber, data.applicant, data.opinion, data.department.name, data.department.code, data.sealCode, ...missing]);

  redHeader(doc, data.department);
  title(doc, wording.title, wording.english);
  regular(doc, 11, MUTED).text(data.number, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(1.2);

  bold(doc, BODY_SIZE, INK).text(`${data.applicant}：`, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  paragraph(doc, `你（单位）申请的“${data.itemName}”事项（办件编号：${data.caseNumber}），本机关已依法审查。`);
  paragraph(doc, wording.finding);
  missing.forEach((item, i) => paragraph(doc, `${i + 1}. ${item}`));
  const opinion = data.opinion.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (opinion.length > 0) {
    doc.moveDown(0.3);
    bold(doc, BODY_SIZE).text('审查意见：', doc.page.margins.left, doc.y, { width: contentWidth(doc), indent: BODY_SIZE * 2 });
    opinion.forEach((line) => paragraph(doc, line));
  }
  doc.moveDown(0.3);
  wording.closing.forEach((line) => paragraph(doc, line));

  signOff(doc, { department: data.department, issuedAt: data.issuedAt, sealCode: data.sealCode });
  return toBuffer(doc, `${wording.title} ${data.number} · 办件编号 / case ${data.caseNumber} · 机关代码 / authority code ${data.department.code}`);
}
