/** Pure helpers of the applicant pages (web/src/applications): project values, file checks, server errors, correction rows. */
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDefinitionSchema } from '../../src/catalogue/item.js';
import { DEMO_CATALOGUE } from '../../src/catalogue/seed.js';
import { projectSchema } from '../../src/applications/project.js';
import { ApiError } from '../../web/src/api.js';
import { guessRows } from '../../web/src/applications/correctionRows.js';
import { acceptFor, contentTypeOf, fileProblem } from '../../web/src/applications/materialFiles.js';
import { PROJECT_FIELD_PATHS, toProject } from '../../web/src/applications/projectFields.js';
import { projectFieldLabel, projectValueText } from '../../web/src/applications/projectLabels.js';
import { materialIndex, missingMaterialCode, placeServerErrors } from '../../web/src/applications/serverErrors.js';
import i18n from '../../web/src/i18n/index.js';

const zh = () => i18n.getFixedT('zh-CN');
const en = () => i18n.getFixedT('en');
const registration = itemDefinitionSchema.parse(DEMO_CATALOGUE.find((item) => item.code === 'business-registration'));
const material = (code: string) => registration.materials.find((candidate) => candidate.code === code)!;

beforeAll(async () => {
  if (!i18n.isInitialized) await new Promise((resolve) => i18n.on('initialized', resolve));
});

describe('toProject', () => {
  it('sends only what was filled in, trimmed, and what the API accepts', () => {
    const project = toProject({
      name: '  阳光大厦 ',
      address: '   ',
      type: 'commercial',
      investmentWan: 0,
      governmentInvested: 'no',
      heightM: 120,
      landAreaM2: null,
      crowdedPlace: 'yes',
      parcel: { code: ' A-01 ', landUse: 'B' },
      landUseRight: { certificateNumber: '', parcelCode: undefined },
      contractor: { name: '阳光建设', awardNumber: '  ' },
    });
    expect(project).toEqual({ name: '阳光大厦', type: 'commercial', investmentWan: 0, governmentInvested: false, heightM: 120, crowdedPlace: true, parcel: { code: 'A-01', landUse: 'B' }, contractor: { name: '阳光建设' } });
    expect(projectSchema.safeParse(project).success).toBe(true);
  });

  it('knows every field path of the form under project', () => {
    expect(PROJECT_FIELD_PATHS.has('project.heightM')).toBe(true);
    expect(PROJECT_FIELD_PATHS.has('project.landUseRight.expiresOn')).toBe(true);
    expect(PROJECT_FIELD_PATHS.has('project.unknown')).toBe(false);
    // Every field of the server's schema has a place on the form.
    for (const key of Object.keys(projectSchema.shape)) expect([...PROJECT_FIELD_PATHS].some((path) => path === `project.${key}` || path.startsWith(`project.${key}.`)), key).toBe(true);
  });
});

describe('material files', () => {
  it('takes the browser type, else the extension', () => {
    expect(contentTypeOf({ name: 'a.bin', size: 1, type: 'application/pdf' })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'SCAN.JPG', size: 1, type: '' })).toBe('image/jpeg');
    expect(contentTypeOf({ name: 'notes.txt', size: 1, type: 'text/plain' })).toBeNull();
    expect(acceptFor(['application/pdf', 'image/jpeg'])).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg');
  });

  it('checks type, emptiness and size against the service guide', () => {
    expect(fileProblem({ name: 'articles.pdf', size: 100, type: 'application/pdf' }, material('articles'))).toBeNull();
    expect(fileProblem({ name: 'articles.png', size: 100, type: 'image/png' }, material('articles'))).toBe('type');
    expect(fileProblem({ name: 'id.png', size: 100, type: 'image/png' }, material('id-card'))).toBeNull();
    expect(fileProblem({ name: 'id.png', size: 0, type: 'image/png' }, material('id-card'))).toBe('empty');
    expect(fileProblem({ name: 'id.png', size: 5 * 1024 * 1024 + 1, type: 'image/png' }, material('id-card'))).toBe('size');
  });
});

describe('server errors on the application form', () => {
  const error = new ApiError('申请材料有误 / the materials do not meet the service guide', {
    kind: 'api',
    status: 400,
    code: 'VALIDATION_FAILED',
    details: [
      { field: 'materials.1.contentType', rule: 'file_type', message: '公司章程只接受 application/pdf / Articles of association accepts application/pdf' },
      { field: 'body.project.heightM', rule: 'too_big', message: 'Too big: expected number to be <=1000' },
      { field: 'materials', rule: 'mandatory', message: 'premises: 住所使用证明 / Proof of premises' },
      { field: 'itemCode', rule: 'known_item', message: 'nope' },
    ],
  });

  it('finds the material by its index in what was sent, the project field by its path', () => {
    const codes = ['application-form', 'articles'];
    const placed = placeServerErrors(error, (issue) => {
      const index = materialIndex(issue.field);
      if (index !== null) return { name: ['files', codes[index]!] };
      const missing = missingMaterialCode(issue);
      if (missing) return { name: ['files', missing], text: `missing ${missing}` };
      return PROJECT_FIELD_PATHS.has(issue.field) ? { name: issue.field.split('.') } : null;
    });
    expect(placed).toEqual({
      fields: [
        { name: ['files', 'articles'], errors: ['公司章程只接受 application/pdf'] },
        { name: ['project', 'heightM'], errors: ['Too big: expected number to be <=1000'] },
        { name: ['files', 'premises'], errors: ['missing premises'] },
      ],
      general: ['itemCode: nope'],
    });
  });

  it('leaves other failures to the caller', () => {
    expect(placeServerErrors(new ApiError('x', { kind: 'api', status: 409, code: 'CORRECTION_NOT_READY' }), () => null)).toBeNull();
    expect(materialIndex('materials')).toBeNull();
    expect(materialIndex('materials.12.code')).toBe(12);
  });
});

describe('correction rows', () => {
  it('prepares a row for each material the notice names', () => {
    const request = { requestId: 'r', department: 'market', missingItems: ['公司章程（全体股东签字页）', 'Proof of premises (original)'], opinion: null };
    expect(guessRows(request, registration)).toEqual([{ code: 'articles' }, { code: 'premises' }]);
    expect(guessRows({ ...request, missingItems: ['其他说明'] }, registration)).toEqual([{}]);
    expect(guessRows(request, undefined)).toEqual([{}]);
  });
});

describe('project labels', () => {
  it('names facts and formats their values in both languages', () => {
    expect(projectFieldLabel(zh(), 'heightM')).toBe('建筑高度');
    expect(projectFieldLabel(en(), 'heightM')).toBe('Building height');
    expect(projectFieldLabel(zh(), 'feeInLieuYuan')).toBe('feeInLieuYuan');
    expect(projectValueText(zh(), 'heightM', 120)).toBe('120 米');
    expect(projectValueText(en(), 'crowdedPlace', true)).toBe('Yes');
    expect(projectValueText(zh(), 'type', 'industrial')).toBe('工业');
    expect(projectValueText(zh(), 'parcel', { code: 'A-01', landUse: 'B' })).toBe('地块编号 A-01、规划用地性质 B 商业服务');
  });
});
