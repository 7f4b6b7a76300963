/** Demo cases for a fresh development installation, so the inbox has work in it. */
import { sampleMaterials } from './sample-files.js';
import { takeInDemoCase, type DemoDependencies } from './routes.js';

const APPLICANTS = [
  { applicant: '阳光市第一中学', project: { name: '教学楼加固改造', address: '阳光市滨河路 1 号' }, greenChannel: false },
  { applicant: '阳光新能源科技有限公司', project: { name: '光伏组件厂房新建', address: '阳光市高新区创业大道 88 号' }, greenChannel: true },
  { applicant: '张三', project: { name: '自建住房翻建', address: '东城区滨河街道 12 号' }, greenChannel: false },
];

export async function seedDemoCases(deps: DemoDependencies): Promise<string[]> {
  const keys: string[] = [];
  for (const item of APPLICANTS) {
    const started = await takeInDemoCase(deps, { ...item, materials: sampleMaterials(item.applicant) }, { userId: 'window-clerk', department: 'window' });
    keys.push(started.businessKey);
  }
  return keys;
}
