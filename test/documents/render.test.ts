/** The PDF renderers: valid, small files with the Chinese text, the seal and stable bytes. */
import { describe, expect, it } from 'vitest';
import { SEAL_RED } from '../../src/documents/pdf.js';
import { renderDecisionLetter, renderLicence, renderReport, type DecisionLetterData, type LicenceData, type ReportData } from '../../src/documents/render.js';
import { pdfText, readPdf } from './pdf-text.js';

const department = { name: '阳光市行政审批服务局', code: 'SPJ-320100' };
// 00:30 on 28 November in Shanghai, still the 27th in UTC: the date must be Beijing time.
const issuedAt = new Date('2026-11-27T16:30:00Z');

const licence: LicenceData = {
  number: 'YG-2026-000123',
  itemName: '建设工程规划许可证核发',
  caseNumber: 'CASE-20261101-0042',
  applicant: '阳光市城市建设投资有限公司',
  project: '阳光新区第三中学新建工程',
  decision: '准予许可',
  department,
  issuedAt,
  validUntil: new Date('2027-11-27T16:00:00Z'),
  sealCode: '3201000012345',
};

const letter: DecisionLetterData = {
  number: '阳审批〔2026〕101号',
  itemName: '建设工程规划许可证核发',
  caseNumber: 'CASE-20261101-0042',
  applicant: '阳光市城市建设投资有限公司',
  decision: 'approve',
  opinion: '材料齐全，符合法定形式，同意许可。',
  department,
  issuedAt,
  sealCode: '3201000012345',
};

const report: ReportData = {
  number: 'PB-2026-0007',
  title: '评标报告',
  tenderName: '阳光新区第三中学新建工程施工招标',
  experts: [{ name: '王建国', role: '组长' }, { name: '李华' }],
  summary: '评标委员会依据招标文件规定的评标办法进行了评审。',
  rows: [
    { bidder: '阳光建工集团有限公司', score: 78.5, rank: 2 },
    { bidder: '华夏建设工程有限公司', score: 91.25, rank: 1 },
  ],
  issuedAt,
};

function expectSmallPdf(pdf: Buffer): void {
  expect(Buffer.isBuffer(pdf)).toBe(true);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-6).toString('latin1').trimEnd()).toMatch(/%%EOF$/);
  // The Chinese font files are 8 MB each: anything near that means they were not subset.
  expect(pdf.length).toBeLessThan(300 * 1024);
}

function pageCount(pdf: Buffer): number {
  return [...readPdf(pdf).objects.values()].filter((object) => /\/Type \/Page\n/.test(object.dict)).length;
}

/** The department's name drawn one character per text object, as only the seal's arc is. */
function hasSealArc(pdf: Buffer, name: string): boolean {
  const singles = readPdf(pdf).blocks.map((block) => ([...block].length === 1 ? block : '\n')).join('');
  return singles.split('\n').includes(name);
}

function usesSealRed(pdf: Buffer): boolean {
  const red = [1, 3, 5].map((i) => parseInt(SEAL_RED.slice(i, i + 2), 16) / 255);
  return readPdf(pdf).contents.some((content) =>
    [...content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:scn|SCN)/g)].some((m) => red.every((c, i) => Math.abs(Number(m[i + 1]) - c) < 1e-3)),
  );
}

describe('renderLicence', () => {
  it('writes a small PDF with every field in Chinese', async () => {
    const pdf = await renderLicence(licence);
    expectSmallPdf(pdf);
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const expected of [
      '电子证照',
      'Electronic Licence',
      '证照编号',
      'YG-2026-000123',
      '事项',
      '建设工程规划许可证核发',
      '办件编号',
      'CASE-20261101-0042',
      '申请人',
      '阳光市城市建设投资有限公司',
      '项目',
      '阳光新区第三中学新建工程',
      '决定',
      '准予许可',
      '发证机关：阳光市行政审批服务局',
      '发证日期：2026年11月28日',
      '有效期至',
      '2027年11月28日',
      '可在 /verify 核验 / verify at /verify with number YG-2026-000123',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws the seal with the department along the arc and the seal code', async () => {
    const pdf = await renderLicence(licence);
    expect(hasSealArc(pdf, department.name)).toBe(true);
    expect(readPdf(pdf).blocks).toContain('3201000012345');
    expect(usesSealRed(pdf)).toBe(true);
    // Stamped ink multiplies with the text under it (a PDF 1.4 blend mode).
    expect([...readPdf(pdf).objects.values()].some((object) => object.dict.includes('/BM /Multiply'))).toBe(true);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('leaves out the project and expiry rows when there are none', async () => {
    const text = pdfText(await renderLicence({ ...licence, project: undefined, validUntil: undefined }));
    expect(text).not.toContain('项目');
    expect(text).not.toContain('有效期至');
    expect(text).toContain('证照编号');
  });

  it('embeds only subsets of Noto Sans Hans', async () => {
    const { objects } = readPdf(await renderLicence(licence));
    const descriptors = [...objects.values()].filter((object) => object.dict.includes('/Type /FontDescriptor'));
    expect(descriptors.length).toBe(2);
    for (const { dict } of descriptors) {
      expect(dict).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-(Regular|Bold)\n/);
      expect(dict).toMatch(/\/FontFile3 \d+ 0 R/);
    }
    expect([...objects.values()].some((object) => /\/BaseFont \/Helvetica/.test(object.dict))).toBe(false);
  });

  it('gives the same bytes for the same input, dated by the issue date', async () => {
    const [a, b] = await Promise.all([renderLicence(licence), renderLicence({ ...licence })]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261127163000Z)');
    const other = await renderLicence({ ...licence, issuedAt: new Date('2026-11-28T01:00:00Z') });
    expect(other.equals(a)).toBe(false);
  });

  it('refuses characters the font cannot show instead of printing empty boxes', async () => {
    await expect(renderLicence({ ...licence, applicant: '张三😀' })).rejects.toThrow(/U\+1F600/);
  });

  it('refuses an invalid date', async () => {
    await expect(renderLicence({ ...licence, issuedAt: new Date('nonsense') })).rejects.toThrow(/issuedAt/);
    await expect(renderLicence({ ...licence, validUntil: new Date('nonsense') })).rejects.toThrow(/validUntil/);
  });
});

describe('renderDecisionLetter', () => {
  it.each([
    ['approve', '行政许可决定书', '本机关决定准予行政许可'],
    ['object', '不予许可决定书', '依法申请行政复议'],
    ['correction', '补正材料通知书', '一次性告知'],
  ] as const)('writes the %s letter as %s', async (decision, title, phrase) => {
    const pdf = await renderDecisionLetter({ ...letter, decision, missingItems: ['建设用地规划许可证复印件', '日照分析报告'] });
    expectSmallPdf(pdf);
    const text = pdfText(pdf);
    expect(text).toContain(title);
    expect(text).toContain(phrase);
    expect(text).toContain('阳光市城市建设投资有限公司：');
    expect(text).toContain(letter.opinion);
    expect(text).toContain('2026年11月28日');
    expect(hasSealArc(pdf, department.name)).toBe(true);
    if (decision === 'correction') {
      expect(text).toContain('1. 建设用地规划许可证复印件');
      expect(text).toContain('2. 日照分析报告');
    } else {
      expect(text).not.toContain('日照分析报告');
    }
  });

  it('wraps a long opinion over pages without losing text or the body font', async () => {
    const sentence = '经审查，申请人提交的建设工程设计方案总平面图与控制性详细规划不一致，建筑退让道路红线距离不足。';
    const opinion = Array.from({ length: 30 }, (_, i) => `${i + 1}、${sentence}`).join('\n');
    const pdf = await renderDecisionLetter({ ...letter, decision: 'object', opinion });
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const { blocks, contents } = readPdf(pdf);
    const text = blocks.join('');
    expect(text).toContain(`30、${sentence}`);
    expect(text).toContain(`· 1/${contents.length}`);
    // Body text stays 12 pt on the new page (a footer drawn mid-paragraph once shrank it).
    const secondPage = contents[1]!;
    const firstFont = /\/F\d+ ([\d.]+) Tf/.exec(secondPage);
    expect(Number(firstFont?.[1])).toBe(12);
  });

  it('refuses a correction notice that lists nothing', async () => {
    await expect(renderDecisionLetter({ ...letter, decision: 'correction', missingItems: [' '] })).rejects.toThrow(/missing items/);
    await expect(renderDecisionLetter({ ...letter, decision: 'toString' as never })).rejects.toThrow(/unknown decision/);
  });

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([renderDecisionLetter(letter), renderDecisionLetter(letter)]);
    expect(a.equals(b)).toBe(true);
  });
});

describe('renderReport', () => {
  it('writes the score table by rank and names every expert, without a seal', async () => {
    const pdf = await renderReport(report);
    expectSmallPdf(pdf);
    const text = pdfText(pdf);
    for (const expected of ['评标报告', 'PB-2026-0007', '阳光新区第三中学新建工程施工招标', '2026年11月28日', report.summary, '王建国', '组长', '李华', '数字签名']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('1华夏建设工程有限公司91.25');
    expect(text).toContain('2阳光建工集团有限公司78.50');
    expect(text.indexOf('华夏建设工程有限公司')).toBeLessThan(text.indexOf('阳光建工集团有限公司'));
    expect(usesSealRed(pdf)).toBe(false);
  });

  it('repeats the table header on every page of a long table', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ bidder: `第${i + 1}投标人有限公司`, score: 90 - i, rank: i + 1 }));
    const pdf = await renderReport({ ...report, rows });
    const tablePages = readPdf(pdf).pages.filter((blocks) => blocks.some((block) => block.includes('投标人有限公司')));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const blocks of tablePages) expect(blocks).toContain('排名 Rank');
    expect(pdfText(pdf)).toContain('60第60投标人有限公司31.00');
  });

  it('refuses scores and ranks that are not numbers', async () => {
    await expect(renderReport({ ...report, rows: [{ bidder: 'A', score: Number.NaN, rank: 1 }] })).rejects.toThrow(/invalid score/);
    await expect(renderReport({ ...report, rows: [{ bidder: 'A', score: 1, rank: 0 }] })).rejects.toThrow(/invalid rank/);
  });
});
