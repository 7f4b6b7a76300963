/**
 * The bid evaluation report (评标报告): summary, score table and the committee's signature
 * block. No seal: each expert signs the file digitally, so nothing is drawn for the signatures.
 */
import { assertGlyphs, bold, chineseDate, contentWidth, createDocument, ensureSpace, MUTED, regular, RULE, title, toBuffer } from './pdf.js';

export interface Expert {
  name: string;
  role?: string;
}

export interface ScoreRow {
  bidder: string;
  score: number;
  rank: number;
}

export interface ReportData {
  number: string;
  title: string;
  tenderName: string;
  experts: Expert[];
  summary: string;
  rows: ScoreRow[];
  issuedAt: Date;
  /** Usernames of the experts who must sign it digitally. */
  signers?: string[];
}

const PADDING = 6;
const RANK_WIDTH = 70;
const SCORE_WIDTH = 90;

function checkRows(rows: ScoreRow[]): ScoreRow[] {
  for (const row of rows) {
    if (!Number.isFinite(row.score)) throw new TypeError(`无效得分 / invalid score for ${row.bidder}: ${row.score}`);
    if (!Number.isSafeInteger(row.rank) || row.rank < 1) throw new TypeError(`无效排名 / invalid rank for ${row.bidder}: ${row.rank}`);
  }
  // Readers look for the winner first; sort is stable, so ties keep the committee's order.
  return [...rows].sort((a, b) => a.rank - b.rank);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  bold(doc, 13).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

type Cells = [rank: string, bidder: string, score: string];

function bidderWidth(doc: PDFKit.PDFDocument): number {
  return contentWidth(doc) - RANK_WIDTH - SCORE_WIDTH;
}

function rowHeight(doc: PDFKit.PDFDocument, cells: Cells, header: boolean): number {
  (header ? bold : regular)(doc, 11);
  return doc.heightOfString(cells[1], { width: bidderWidth(doc) - PADDING * 2 }) + PADDING * 2;
}

function tableRow(doc: PDFKit.PDFDocument, cells: Cells, header: boolean): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const height = rowHeight(doc, cells, header);
  const font = header ? bold : regular;
  const top = doc.y;
  if (header) doc.save().rect(left, top, width, height).fill('#eeeeee').restore();
  font(doc, 11).text(cells[0], left + PADDING, top + PADDING, { width: RANK_WIDTH - PADDING * 2, align: 'center' });
  font(doc, 11).text(cells[1], left + RANK_WIDTH + PADDING, top + PADDING, { width: bidderWidth(doc) - PADDING * 2 });
  font(doc, 11).text(cells[2], left + RANK_WIDTH + bidderWidth(doc) + PADDING, top + PADDING, { width: SCORE_WIDTH - PADDING * 2, align: 'right' });
  doc.y = top + height;
  doc.lineWidth(header ? 0.8 : 0.4).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke(RULE);
}

function scoreTable(doc: PDFKit.PDFDocument, rows: ScoreRow[]): void {
  const header: Cells = ['排名 Rank', '投标人 Bidder', '得分 Score'];
  ensureSpace(doc, rowHeight(doc, header, true) * 2.5);
  tableRow(doc, header, true);
  if (rows.length === 0) tableRow(doc, ['—', '无有效投标 / no valid bids', '—'], false);
  for (const row of rows) {
    const cells: Cells = [String(row.rank), row.bidder, row.score.toFixed(2)];
    // A row never splits across pages; the header is repeated on the next one.
    if (doc.y + rowHeight(doc, cells, false) > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      tableRow(doc, header, true);
    }
    tableRow(doc, cells, false);
  }
  doc.x = doc.page.margins.left;
}

function signatures(doc: PDFKit.PDFDocument, experts: Expert[]): void {
  heading(doc, '评标委员会签字 / Evaluation committee signatures');
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  regular(doc, 9, MUTED).text('本报告由下列评标委员会成员以数字签名方式签署，不加盖印章。/ Each member below signs this report digitally; no seal is affixed.', left, doc.y, { width });
  doc.moveDown(0.5);
  for (const expert of experts) {
    ensureSpace(doc, 30);
    const top = doc.y;
    regular(doc, 12).text(expert.name, left, top, { width: width / 2 });
    const bottom = doc.y;
    regular(doc, 11, MUTED).text(expert.role ?? '评标专家 / expert', left + width / 2, top, { width: width / 2, align: 'right' });
    doc.y = Math.max(bottom, doc.y) + 4;
    doc.lineWidth(0.4).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke(RULE);
    doc.y += 6;
  }
}

export async function renderReport(data: ReportData): Promise<Buffer> {
  const rows = checkRows(data.rows);
  const doc = createDocument({ title: `${data.title} ${data.number}`, subject: data.tenderName, issuedAt: data.issuedAt, requiredSigners: data.signers });
  assertGlyphs(doc, [data.number, data.title, data.tenderName, data.summary, ...rows.map((row) => row.bidder), ...data.experts.flatMap((e) => [e.name, e.role])]);

  title(doc, data.title, 'Bid Evaluation Report');
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  for (const [label, value] of [
    ['报告编号 / Report No.', data.number],
    ['招标项目 / Tender', data.tenderName],
    ['日期 / Date', chineseDate(data.issuedAt)],
  ] as const) {
    bold(doc, 11).text(`${label}：`, left, doc.y, { continued: true, width });
    regular(doc, 11).text(value);
  }
  heading(doc, '评审概述 / Summary');
  for (const line of data.summary.split(/\r?\n/).filter((l) => l.trim())) {
    regular(doc, 11).text(line.trim(), left, doc.y, { width, indent: 22, align: 'justify' });
    doc.moveDown(0.3);
  }
  heading(doc, '评审结果 / Scores');
  scoreTable(doc, rows);
  signatures(doc, data.experts);
  return toBuffer(doc, `${data.title} ${data.number}`);
}
