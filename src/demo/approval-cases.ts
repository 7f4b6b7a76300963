/**
 * Demo approval cases for a fresh development installation: one case in each state worth
 * showing (at the window, at review, waiting for corrections with the clock stopped, at an
 * extension request, at a joint review meeting, ten departments reviewing on the green
 * channel, and decided with a sealed e-licence). Driven through the same services as the
 * API, with the demo users, while the workers run.
 */
import { submitApplication, type IntakeDependencies } from '../applications/intake.js';
import { DEMO_CATALOGUE } from '../catalogue/seed.js';
import { MissingYearError } from '../calendar/working-calendar.js';
import type { Task } from '../engine/client.js';
import { completeWithOpinion } from '../tasks/complete.js';
import { sampleUploads } from './sample-files.js';
import { FACTORY, SHOP, TOWER } from './sample-projects.js';

const CITIZEN = { userId: 'citizen', roles: ['citizen'] };
const PARALLEL_DEPARTMENTS = DEMO_CATALOGUE.find((item) => item.code === 'construction-project-parallel')!.jointReview!.departments;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`演示数据：等待超时 / demo seed timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export interface SeededApprovals {
  keys: string[];
  /** Scenarios not created, with the reason (e.g. next year's holidays not loaded yet). */
  skipped: { scenario: string; reason: string }[];
}

export async function seedApprovalCases(deps: IntakeDependencies): Promise<SeededApprovals> {
  const { engine, database } = deps;
  const keys: string[] = [];
  const skipped: SeededApprovals['skipped'] = [];

  const apply = async (itemCode: string, applicant: string, project: object, greenChannel = false) => {
    const item = DEMO_CATALOGUE.find((entry) => entry.code === itemCode)!;
    const started = await submitApplication(deps, { itemCode, applicant, project: project as never, greenChannel, materials: sampleUploads(item.materials, applicant) }, CITIZEN);
    keys.push(started.businessKey);
    return started.caseId;
  };
  const openTask = (caseId: string, key: string, group?: string) =>
    waitFor(async () => (await engine.tasks({ processInstanceId: caseId, taskDefinitionKey: key, ...(group ? { candidateGroup: group } : {}) }))[0], `${key} ${group ?? ''}`);
  const act = async (caseId: string, key: string, user: string, department: string, values: Record<string, unknown>, group?: string) => {
    const task: Task = await openTask(caseId, key, group);
    await engine.claimTask(task.id, user);
    await completeWithOpinion(database, engine, task, { userId: user, department }, values);
  };
  const accept = (caseId: string) => act(caseId, 'Completeness', 'window-clerk', 'window', { decision: 'accept', opinion: '材料齐全，予以受理' });

  // A case whose deadline falls in a year without holiday data cannot be planned (the
  // calendar never guesses): that scenario is skipped and reported, the others go on.
  const scenarios: [string, () => Promise<void>][] = [
    ['waiting at the window', async () => {
      await apply('business-registration', '阳光咖啡有限公司（筹）', SHOP);
    }],
    ['decided: registered, sealed e-licence issued', async () => {
      const decided = await apply('business-registration', '滨河文具店', SHOP);
      await accept(decided);
      await act(decided, 'Review', 'market-reviewer', 'market', { decision: 'approve', opinion: '符合登记条件，准予登记' });
    }],
    ['at review in the fire brigade’s inbox', async () => {
      await accept(await apply('fire-design-review', '阳光置业有限公司', TOWER));
    }],
    ['one-time notice sent: the clock stands still until the applicant supplies the items', async () => {
      const notice = await apply('eia-report-form-approval', '阳光印染有限公司', { name: '印染车间技改', type: 'industrial', floorAreaM2: 8_000 });
      await act(notice, 'Completeness', 'window-clerk', 'window', { decision: 'notice', opinion: '材料不全，一次性告知', missingItems: '环境影响报告表（加盖编制单位公章）\n建设项目信息公开说明' });
    }],
    ['an extension asked for: the development commission’s head decides', async () => {
      const extension = await apply('investment-project-approval', '阳光新能源科技有限公司', FACTORY);
      await accept(extension);
      await act(extension, 'Review', 'development-reviewer', 'development', { decision: 'extend', opinion: '需组织专家论证，申请延期十个工作日' });
    }],
    ['parallel approval on the green channel: ten departments reviewing, two have approved', async () => {
      const green = await apply('construction-project-parallel', '阳光新能源科技有限公司', FACTORY, true);
      await accept(green);
      for (const department of PARALLEL_DEPARTMENTS.slice(0, 2)) {
        await act(green, 'DepartmentReview', `${department}-reviewer`, department, { decision: 'approve', opinion: '同意' }, department);
      }
    }],
    ['parallel approval where environment objects: the joint review meeting is due', async () => {
      const joint = await apply('construction-project-parallel', '阳光置业有限公司', TOWER);
      await accept(joint);
      for (const department of PARALLEL_DEPARTMENTS) {
        const objects = department === 'environment';
        await act(joint, 'DepartmentReview', `${department}-reviewer`, department, { decision: objects ? 'object' : 'approve', opinion: objects ? '大气环境影响分析不足，不同意' : '同意' }, department);
      }
    }],
  ];
  for (const [scenario, run] of scenarios) {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof MissingYearError)) throw error;
      skipped.push({ scenario, reason: error.message });
    }
  }
  return { keys, skipped };
}
