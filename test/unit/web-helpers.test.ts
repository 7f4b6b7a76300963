/** Pure helpers of the browser app (web/src): bilingual labels, countdown wording, routing, the decision form's values and errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api.js';
import { mapServerErrors, toSubmission } from '../../web/src/cases/decision/submission.js';
import { timelineText } from '../../web/src/cases/timelineText.js';
import type { FormFieldDef } from '../../web/src/cases/types.js';
import i18n, { localizeBilingual } from '../../web/src/i18n/index.js';
import { countdownText } from '../../web/src/inbox/countdown.js';
import { matchPath, parseHash, safeNextPath } from '../../web/src/navigation.js';

const zh = () => i18n.getFixedT('zh-CN');
const en = () => i18n.getFixedT('en');

beforeAll(async () => {
  if (!i18n.isInitialized) await new Promise((resolve) => i18n.on('initialized', resolve));
});

describe('localizeBilingual', () => {
  it('shows the half of "中文 / English" matching the language', () => {
    expect(localizeBilingual('同意 / approve', 'zh-CN')).toBe('同意');
    expect(localizeBilingual('同意 / approve', 'en')).toBe('approve');
    expect(localizeBilingual('部门审查 / department review', 'en')).toBe('department review');
  });

  it('splits after a full-width closing bracket without a space before the slash', () => {
    expect(localizeBilingual('不同意（说明理由）/ object (give reasons)', 'zh-CN')).toBe('不同意（说明理由）');
    expect(localizeBilingual('不同意（说明理由）/ object (give reasons)', 'en')).toBe('object (give reasons)');
  });

  it('leaves text without a separator alone', () => {
    expect(localizeBilingual('sunshine-demo', 'en')).toBe('sunshine-demo');
    expect(localizeBilingual('a/b and c/d', 'en')).toBe('a/b and c/d');
    expect(localizeBilingual(' / only English', 'en')).toBe(' / only English');
  });
});

describe('countdown wording', () => {
  it('counts working days left and overdue, in both languages', () => {
    expect(countdownText(zh(), 'normal', 3)).toBe('剩余 3 个工作日');
    expect(countdownText(zh(), 'red', -2)).toBe('超期 2 个工作日');
    expect(countdownText(en(), 'normal', 3)).toBe('3 working days left');
    expect(countdownText(en(), 'yellow', 1)).toBe('1 working day left');
    expect(countdownText(en(), 'red', -2)).toBe('2 working days overdue');
    expect(countdownText(zh(), 'yellow', 0)).toBe('今日到期');
    expect(countdownText(zh(), 'red', 0)).toBe('已超期');
    expect(countdownText(en(), 'normal', null)).toBe('No due date');
  });
});

describe('routing', () => {
  it('matches patterns and reads the query', () => {
    expect(matchPath('/cases/:caseId', '/cases/abc-1')).toEqual({ caseId: 'abc-1' });
    expect(matchPath('/cases/:caseId', '/cases')).toBeNull();
    expect(matchPath('/inbox', '/inbox')).toEqual({});
    const location = parseHash('#/cases/abc?task=t-1');
    expect(location.path).toBe('/cases/abc');
    expect(location.query.get('task')).toBe('t-1');
    expect(parseHash('').path).toBe('/');
  });

  it('returns after login only to paths inside the app', () => {
    expect(safeNextPath('/cases/abc?task=1')).toBe('/cases/abc?task=1');
    expect(safeNextPath('//evil.example/')).toBeNull();
    expect(safeNextPath('https://evil.example/')).toBeNull();
    expect(safeNextPath('/login?next=/x')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});

const FIELDS: FormFieldDef[] = [
  { id: 'decision', label: '审查结论 / decision', type: 'enum', multiline: false, required: true, readonly: false, options: [{ id: 'approve', label: '同意 / approve' }] },
  { id: 'opinion', label: '审查意见 / opinion', type: 'string', multiline: true, required: true, readonly: false, minLength: 2 },
  { id: 'missingItems', label: '需补正的材料 / missing items', type: 'string', multiline: true, required: false, readonly: false, requiredWhen: { field: 'decision', value: 'correction' } },
  { id: 'urgent', label: '加急 / urgent', type: 'boolean', multiline: false, required: false, readonly: false },
  { id: 'visitOn', label: '踏勘日期 / visit on', type: 'date', multiline: false, required: false, readonly: false },
  { id: 'fee', label: '费用 / fee', type: 'long', multiline: false, required: false, readonly: true },
];

describe('decision form', () => {
  it('sends trimmed strings, booleans and dates, and leaves out empty and read-only fields', () => {
    const values = { decision: 'approve', opinion: '  同意。 ', missingItems: '   ', urgent: false, visitOn: { format: (template: string) => (template === 'YYYY-MM-DD' ? '2026-03-02' : 'wrong') }, fee: 5 };
    expect(toSubmission(FIELDS, values)).toEqual({ decision: 'approve', opinion: '同意。', urgent: false, visitOn: '2026-03-02' });
  });

  it('maps a 400 back onto the fields, and keeps issues of no field apart', () => {
    const error = new ApiError('表单填写有误 / the form has errors', {
      kind: 'api',
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'values.opinion', rule: 'too_small', message: 'Too small' },
        { field: 'values.missingItems', rule: 'custom', message: '需补正的材料 / missing items：当 decision 为 correction 时必填 / required when decision is correction' },
        { field: 'values', rule: 'unrecognized_keys', message: 'Unrecognized key: "extra"' },
      ],
    });
    const mapped = mapServerErrors(error, FIELDS, zh());
    expect(mapped?.fields).toEqual([
      { name: 'opinion', errors: ['审查意见太短或太小'] },
      { name: 'missingItems', errors: ['请填写需补正的材料'] },
    ]);
    expect(mapped?.general).toEqual(['Unrecognized key: "extra"']);
    expect(mapServerErrors(new ApiError('x', { kind: 'api', status: 409 }), FIELDS, zh())).toBeNull();
  });
});

describe('timeline wording', () => {
  const names = (step: string) => (step === 'Review' ? '部门审查' : step);

  it('words the server’s two-part warning and pause texts', async () => {
    expect(timelineText({ at: '', kind: 'warning', text: '环节 Review 红牌预警 / red warning on step Review', level: 'red', step: 'Review' }, zh(), names)).toBe('红牌：环节「部门审查」');
    expect(timelineText({ at: '', kind: 'pause', text: '暂停计时：专家评审 / clock stopped: expert review', reasonLabel: '专家评审 / expert review' }, zh(), names)).toBe('原因：专家评审');
    // The halves of server texts follow the UI language.
    await i18n.changeLanguage('en');
    expect(timelineText({ at: '', kind: 'warning', text: '整案黄牌预警 / yellow warning on the case', level: 'yellow' }, en(), names)).toBe('Yellow card: whole case');
    expect(timelineText({ at: '', kind: 'pause', text: '暂停计时：专家评审 / clock stopped: expert review', reasonLabel: '专家评审 / expert review' }, en(), names)).toBe('Reason: expert review');
    expect(timelineText({ at: '', kind: 'step', text: '材料核验 / check materials' }, en(), names)).toBe('check materials');
    await i18n.changeLanguage('zh-CN');
  });
});
