/**
 * The demo city's catalogue: thirteen items in eleven departments, modelled on published
 * service guides. Limits follow the laws cited (statutory) and the city's commitments;
 * fees and thresholds are illustrative. Procedures: processes/approval/ (see README).
 */
import type { Database } from '../database/prisma.js';
import type { ItemInput } from './item.js';
import { CatalogueService } from './service.js';

const PDF = ['application/pdf'] as const;
const SCAN = ['application/pdf', 'image/png', 'image/jpeg'] as const;

const material = (code: string, zh: string, en: string, mandatory = true, fileTypes: readonly ('application/pdf' | 'image/png' | 'image/jpeg')[] = PDF) => ({
  code,
  name: { zh, en },
  mandatory,
  fileTypes: [...fileTypes],
});

const form = material('application-form', '申请表', 'Application form');
const idCard = material('id-card', '法定代表人身份证明', 'ID of the legal representative', true, SCAN);
const licence = material('business-licence', '营业执照', 'Business licence', true, SCAN);
const siteDrawing = material('site-plan', '总平面图', 'Site plan');
const designDrawings = material('design-drawings', '设计图纸', 'Design drawings');
const GENERAL = 'approval-general';
const PARALLEL = 'approval-construction-parallel';

/** Limits of an item in the general procedure: completeness check at the window, then the decision. */
const reviewLimits = (statutoryDays: number, committedDays: number, completenessDays: number, reviewDays: number, extensionDays?: number) => ({
  statutoryDays,
  committedDays,
  ...(extensionDays ? { extensionDays } : {}),
  steps: [
    { key: 'Completeness', days: completenessDays },
    { key: 'Review', days: reviewDays, after: 'Completeness' },
  ],
});

type Defaults = 'fees' | 'processKey' | 'resultDocument';

/** The common case: one department, the general licence procedure, no fee, a decision letter. */
const singleDepartment = (item: Omit<ItemInput, Defaults> & Partial<Pick<ItemInput, Defaults>>): ItemInput => ({
  fees: [],
  processKey: GENERAL,
  resultDocument: 'decision',
  ...item,
});

export const DEMO_CATALOGUE: ItemInput[] = [
  {
    code: 'business-registration',
    name: { zh: '企业设立登记（营业执照）', en: 'Company registration (business licence)' },
    department: 'market',
    legalBasis: ['《中华人民共和国市场主体登记管理条例》第三条、第十九条'],
    conditions: ['名称经自主申报且符合规定', '有符合规定的住所', '投资人具备出资资格'],
    materials: [form, idCard, material('articles', '公司章程', 'Articles of association'), material('premises', '住所使用证明', 'Proof of premises', true, SCAN)],
    limits: { statutoryDays: 15, committedDays: 1, steps: [{ key: 'Completeness', days: 1 }, { key: 'Review', days: 1 }] },
    processKey: 'approval-business-licence',
    resultDocument: 'licence',
  },
  singleDepartment({
    code: 'food-business-licence',
    name: { zh: '食品经营许可', en: 'Food business licence' },
    department: 'market',
    legalBasis: ['《中华人民共和国食品安全法》第三十五条', '《食品经营许可和备案管理办法》'],
    conditions: ['具有与经营的食品品种、数量相适应的经营场所', '有食品安全管理人员和管理制度'],
    materials: [form, licence, material('layout', '经营场所平面布局图', 'Floor plan of the premises'), material('safety-rules', '食品安全管理制度', 'Food safety rules')],
    limits: { statutoryDays: 20, committedDays: 5, steps: [{ key: 'Completeness', days: 2 }, { key: 'Review', days: 3, after: 'Completeness' }] },
    resultDocument: 'licence',
  }),
  singleDepartment({
    code: 'eia-report-form-approval',
    name: { zh: '建设项目环境影响报告表审批', en: 'Approval of an environmental impact report form' },
    department: 'environment',
    legalBasis: ['《中华人民共和国环境影响评价法》第二十二条', '《建设项目环境保护管理条例》'],
    conditions: ['项目属于编制环境影响报告表的类别', '报告表由具备能力的单位编制'],
    materials: [form, material('eia-report', '环境影响报告表', 'Environmental impact report form'), material('public-notice', '信息公开说明', 'Public disclosure statement', false)],
    limits: { statutoryDays: 20, committedDays: 10, extensionDays: 10, steps: [{ key: 'Completeness', days: 3 }, { key: 'Review', days: 7, after: 'Completeness' }] },
  }),
  singleDepartment({
    code: 'fire-design-review',
    name: { zh: '特殊建设工程消防设计审查', en: 'Fire-safety design review of special construction works' },
    department: 'fire',
    legalBasis: ['《中华人民共和国消防法》第十一条', '《建设工程消防设计审查验收管理暂行规定》第十五条'],
    conditions: ['属于特殊建设工程', '消防设计文件符合国家工程建设消防技术标准'],
    materials: [form, designDrawings, material('fire-design', '消防设计文件', 'Fire-safety design documents')],
    limits: reviewLimits(15, 10, 2, 8),
  }),
  singleDepartment({
    code: 'shelter-relocation-approval',
    name: { zh: '防空地下室易地建设审批', en: 'Approval to build the air-raid shelter elsewhere (fee in lieu)' },
    department: 'civil-defense',
    legalBasis: ['《中华人民共和国人民防空法》第二十二条', '《人民防空工程建设管理规定》'],
    conditions: ['按规定应修建防空地下室', '因地质、地形等原因不宜修建'],
    materials: [form, siteDrawing, material('geology', '地质勘察报告', 'Geological survey report')],
    fees: [{ name: { zh: '防空地下室易地建设费', en: 'Fee in lieu of an air-raid shelter' }, amountYuan: null, basis: '按应建防空地下室面积乘以本市标准计收（示例）/ shelter area × the city rate (illustrative)' }],
    limits: reviewLimits(20, 7, 2, 5),
  }),
  singleDepartment({
    code: 'lightning-protection-design',
    name: { zh: '雷电防护装置设计审核', en: 'Lightning protection design review' },
    department: 'meteorology',
    legalBasis: ['《中华人民共和国气象法》第三十一条', '《气象灾害防御条例》第二十三条'],
    conditions: ['新建、改建、扩建建（构）筑物需安装雷电防护装置'],
    materials: [form, material('lightning-design', '雷电防护装置设计文件', 'Lightning protection design')],
    limits: reviewLimits(20, 5, 1, 4),
  }),
  singleDepartment({
    code: 'traffic-impact-review',
    name: { zh: '建设项目交通影响评价审查', en: 'Traffic impact assessment review' },
    department: 'transport',
    legalBasis: ['《中华人民共和国道路交通安全法》第二十九条', '本市建设项目交通影响评价管理办法（示例）'],
    conditions: ['建筑面积达到本市交通影响评价启动标准'],
    materials: [form, siteDrawing, material('traffic-study', '交通影响评价报告', 'Traffic impact study')],
    limits: reviewLimits(20, 10, 2, 8),
  }),
  singleDepartment({
    code: 'soil-water-conservation-plan',
    name: { zh: '生产建设项目水土保持方案审批', en: 'Soil and water conservation plan approval' },
    department: 'water',
    legalBasis: ['《中华人民共和国水土保持法》第二十五条'],
    conditions: ['在可能造成水土流失的区域开办生产建设项目'],
    materials: [form, material('conservation-plan', '水土保持方案报告书（表）', 'Soil and water conservation plan')],
    fees: [{ name: { zh: '水土保持补偿费', en: 'Soil and water conservation compensation' }, amountYuan: null, basis: '按征占用土地面积计征（示例）/ per square metre of land occupied (illustrative)' }],
    limits: reviewLimits(20, 10, 2, 8),
  }),
  singleDepartment({
    code: 'investment-project-approval',
    name: { zh: '企业投资项目核准', en: 'Approval of an enterprise investment project' },
    department: 'development',
    legalBasis: ['《企业投资项目核准和备案管理条例》第九条', '《政府核准的投资项目目录》'],
    conditions: ['项目列入政府核准的投资项目目录', '符合国家产业政策'],
    materials: [form, licence, material('project-report', '项目申请报告', 'Project application report')],
    limits: reviewLimits(20, 10, 2, 8, 10),
  }),
  singleDepartment({
    code: 'land-use-planning-permit',
    name: { zh: '建设用地规划许可证核发', en: 'Planning permit for construction land' },
    department: 'natural-resources',
    legalBasis: ['《中华人民共和国城乡规划法》第三十七条、第三十八条'],
    conditions: ['项目符合国土空间规划', '已取得土地使用权或划拨批准'],
    materials: [form, siteDrawing, material('land-title', '土地使用权证明', 'Proof of land-use right')],
    limits: reviewLimits(20, 10, 2, 8),
    resultDocument: 'licence',
  }),
  singleDepartment({
    code: 'construction-permit',
    name: { zh: '建筑工程施工许可证核发', en: 'Construction permit' },
    department: 'housing',
    legalBasis: ['《中华人民共和国建筑法》第七条、第八条', '《建筑工程施工许可管理办法》'],
    conditions: ['已办理用地和规划批准手续', '已确定施工企业', '施工图设计文件已按规定审查合格'],
    materials: [form, material('contract', '施工合同', 'Construction contract'), material('drawings-review', '施工图审查合格书', 'Approval of the construction drawings')],
    limits: reviewLimits(7, 3, 1, 2),
    resultDocument: 'licence',
  }),
  singleDepartment({
    code: 'commercial-performance-approval',
    name: { zh: '营业性演出审批', en: 'Approval of a commercial performance' },
    department: 'culture',
    legalBasis: ['《营业性演出管理条例》第十三条'],
    conditions: ['演出举办单位具备资质', '演出场所符合安全要求'],
    materials: [form, licence, material('programme', '演出节目内容材料', 'Programme of the performance')],
    limits: reviewLimits(20, 5, 1, 4),
  }),
  {
    code: 'construction-project-parallel',
    name: { zh: '工程建设项目并联审批（联审联批）', en: 'Construction project: parallel approval by all departments' },
    department: 'development',
    legalBasis: ['《中华人民共和国行政许可法》第二十六条、第四十二条', '《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》'],
    conditions: ['项目已立项（核准或备案）', '建设单位提交完整的并联审批材料'],
    materials: [form, licence, siteDrawing, designDrawings, material('land-title', '土地使用权证明', 'Proof of land-use right'), material('project-report', '项目申请报告', 'Project application report'), material('eia-report', '环境影响报告表', 'Environmental impact report form', false)],
    // Joint handling: 45 statutory working days (+15 with the government head's approval);
    // the city commits to 30, and to 20 on the green channel for key projects.
    limits: { statutoryDays: 45, committedDays: 30, extensionDays: 15, steps: [{ key: 'Completeness', days: 5 }, { key: 'DepartmentReview', days: 15, after: 'Completeness' }] },
    greenChannel: { committedDays: 20 },
    // The ten departments of the joint review (each with an automated pre-check, workers/<department>/).
    jointReview: { coordinator: 'coordination', departments: ['development', 'natural-resources', 'planning', 'housing', 'environment', 'fire', 'civil-defense', 'transport', 'water', 'meteorology'] },
    processKey: PARALLEL,
    resultDocument: 'licence',
  },
];

/** Seeds the catalogue once (when it is empty); returns the codes created. */
export async function seedCatalogue(database: Database): Promise<string[]> {
  if ((await database.catalogueItem.count()) > 0) return [];
  const catalogue = new CatalogueService(database);
  for (const item of DEMO_CATALOGUE) await catalogue.create(item, 'seed');
  return DEMO_CATALOGUE.map((item) => item.code);
}
