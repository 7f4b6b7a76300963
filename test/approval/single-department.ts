/** Business licence and the general licence template (run by procedures.test.ts). */
import { describe, expect, it } from 'vitest';
import { sampleUploads } from '../../src/demo/sample-files.js';
import { createWorkerServices } from '../../workers/services.js';
import { PROJECT, as, decide, engine, finished, fireTimer, item, submit, submitted, task, world } from '../support/approval.js';
import { eventually } from '../support/environment.js';

describe('business licence', () => {
  it('runs window acceptance → market review → sealed e-licence within one working day', async () => {
    const started = await submitted('business-registration');
    expect(started.businessKey).toMatch(/^SP-\d{8}-[0-9A-F]{6}$/);
    const record = await world.t.database.caseRecord.findUniqueOrThrow({ where: { caseId: started.caseId }, include: { materials: true } });
    expect(record).toMatchObject({ catalogueCode: 'business-registration', catalogueVersion: 1, intakeDepartment: 'window', createdBy: 'citizen' });
    expect(record.materials.map((material) => material.code).sort()).toEqual(['application-form', 'articles', 'id-card', 'premises']);
    const variables = await engine.variables(started.caseId);
    expect(variables).toMatchObject({ itemCode: 'business-registration', itemVersion: 1, department: 'market', window: 'window' });

    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'accept', opinion: '材料齐全，予以受理' });
    // Only market regulation sees the review; the window's clerk cannot act on it.
    const review = await task(started.caseId, 'Review');
    expect(await engine.taskCandidateGroups(review.id)).toEqual(['market']);
    const foreign = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${review.id}/claim`, headers: (await as('fire-reviewer')).headers });
    expect(foreign.statusCode).toBe(403);
    const foreignDecision = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${review.id}/complete`, headers: (await as('fire-reviewer')).headers, payload: { values: { decision: 'approve', opinion: '越权决定' } } });
    expect(foreignDecision.statusCode).toBe(403);
    expect(await world.t.database.opinion.count({ where: { caseId: started.caseId, step: 'Review' } })).toBe(0);
    expect((await engine.tasks({ processInstanceId: started.caseId, taskDefinitionKey: 'Review' }))[0]?.id).toBe(review.id);
    await decide('market-reviewer', started.caseId, 'Review', { decision: 'approve', opinion: '符合登记条件，准予登记' });

    await finished(started.caseId);
    const documents = await world.t.database.signedDocument.findMany({ where: { caseId: started.caseId } });
    expect(documents.map((document) => document.kind).sort()).toEqual(['decision', 'licence']);

    // The applicant follows the case online and downloads the e-licence.
    const citizen = await as('citizen');
    const view = await world.t.app.inject({ method: 'GET', url: `/api/cases/${started.caseId}`, headers: citizen.headers });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ state: 'COMPLETED', catalogue: { code: 'business-registration', version: 1 } });
    expect(view.json().opinions.map((opinion: { decisionLabel: string }) => opinion.decisionLabel)).toEqual(['予以受理 / accept', '准予登记 / register']);
    const licence = documents.find((document) => document.kind === 'licence')!;
    const file = await world.t.app.inject({ method: 'GET', url: `/api/documents/${licence.number}/file`, headers: citizen.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('refuses at intake with a sealed refusal letter and no review', async () => {
    const started = await submitted('business-registration');
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'reject', opinion: '申请事项不属于本机关职权范围' });
    await finished(started.caseId);
    expect(await engine.historicTaskCount({ processInstanceId: started.caseId, taskHadCandidateGroup: 'market' })).toBe(0);
    const [letter] = await world.t.database.signedDocument.findMany({ where: { caseId: started.caseId } });
    expect(letter).toMatchObject({ kind: 'decision' });
  });
});

describe('general licence', () => {
  it('stops the clock for a one-time notice and runs it again when the applicant supplies the items', async () => {
    const started = await submitted('fire-design-review');
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'notice', opinion: '材料不全', missingItems: '消防设计文件（盖章版）\n设计图纸目录' });

    const stop = await eventually(async () => (await world.t.database.clockStop.findFirst({ where: { caseId: started.caseId, resumedAt: null } })) ?? undefined, 30_000, 'the clock stop');
    expect(stop.reason).toBe('correction');
    const notices = await eventually(async () => {
      const response = await world.t.app.inject({ method: 'GET', url: `/api/cases/${started.caseId}/corrections`, headers: (await as('citizen')).headers });
      expect(response.statusCode, response.body).toBe(200);
      const items = response.json().items as { requestId: string; missingItems: string[] }[];
      return items.length > 0 && items;
    }, 20_000, 'the notice');
    expect(notices[0]!.missingItems).toEqual(['消防设计文件（盖章版）', '设计图纸目录']);
    // The notice letter lists everything at once and is sealed by the department.
    await eventually(async () => (await world.t.database.signedDocument.count({ where: { caseId: started.caseId, kind: 'decision' } })) === 1, 20_000, 'the notice letter');

    // Another citizen may neither read nor answer the notice.
    const stranger = await world.t.app.inject({ method: 'GET', url: `/api/cases/${started.caseId}/corrections`, headers: (await as('bidder')).headers });
    expect(stranger.statusCode).toBe(403);

    const fireDesign = item('fire-design-review').materials.filter((material) => material.code === 'fire-design');
    const supply = async () =>
      world.t.app.inject({ method: 'POST', url: `/api/cases/${started.caseId}/corrections/${notices[0]!.requestId}`, headers: (await as('citizen')).headers, payload: { materials: sampleUploads(fireDesign, 'again') } });
    const supplied = await eventually(async () => {
      const response = await supply();
      // 409 while the notice is still being issued; the files are kept either way.
      return response.statusCode === 200 && response;
    }, 20_000, 'the corrections to be accepted');
    expect(supplied.json().round).toBeGreaterThanOrEqual(1);

    await eventually(async () => (await world.t.database.clockStop.findFirst({ where: { caseId: started.caseId } }))?.resumedAt, 30_000, 'the clock to run again');
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'accept', opinion: '补正后材料齐全' });
    await decide('fire-reviewer', started.caseId, 'Review', { decision: 'approve', opinion: '消防设计符合标准' });
    await finished(started.caseId);
    const materials = await world.t.database.caseMaterial.findMany({ where: { caseId: started.caseId, round: { gt: 0 } } });
    expect(materials.map((material) => material.code)).toContain('fire-design');
  });

  it('accepts the application when the completeness check lapses', async () => {
    const started = await submitted('lightning-protection-design');
    await task(started.caseId, 'Completeness');
    await fireTimer(started.caseId, 'CompletenessLapsed');
    const review = await task(started.caseId, 'Review');
    expect(await engine.taskCandidateGroups(review.id)).toEqual(['meteorology']);
    expect((await engine.variables(started.caseId)).deemedAccepted).toBe(true);
  });

  it('extends the limit only after the head approves, and only once', async () => {
    const noExtension = await submitted('fire-design-review');
    await decide('window-clerk', noExtension.caseId, 'Completeness', { decision: 'accept', opinion: '予以受理' });
    const refused = await decide('fire-reviewer', noExtension.caseId, 'Review', { decision: 'extend', opinion: '需要延期' }, 409);
    expect(refused.json().error).toBe('OPTION_NOT_AVAILABLE');

    const started = await submitted('investment-project-approval');
    const before = (await engine.variables(started.caseId)).deadline as string;
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'accept', opinion: '予以受理' });
    await decide('development-reviewer', started.caseId, 'Review', { decision: 'extend', opinion: '需组织专家论证，申请延期' });

    const approval = await task(started.caseId, 'ApproveExtension');
    expect(await engine.taskCandidateGroups(approval.id)).toEqual(['development-head']);
    const byReviewer = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${approval.id}/claim`, headers: (await as('development-reviewer')).headers });
    expect(byReviewer.statusCode).toBe(403);
    // Nothing moved before the head decided.
    expect((await engine.variables(started.caseId)).deadline).toBe(before);
    await decide('development-head', started.caseId, 'ApproveExtension', { decision: 'grant', opinion: '同意延期十个工作日' });

    await task(started.caseId, 'Review');
    const after = await engine.variables(started.caseId);
    expect(after).toMatchObject({ extended: true, extensionAvailable: false });
    const calendar = await createWorkerServices(world.t.config, world.t.database, engine).calendars.calendar();
    expect(calendar.workingDaysBetween(calendar.dayOf(new Date(before)), calendar.dayOf(new Date(after.deadline as string)))).toBe(10);
    const [caseRed] = await engine.jobs({ processInstanceId: started.caseId, timers: true, activityId: 'CaseRed' });
    expect(Date.parse(caseRed!.dueDate!)).toBe(Date.parse(after.deadline as string));

    const again = await decide('development-reviewer', started.caseId, 'Review', { decision: 'extend', opinion: '再次延期' }, 409);
    expect(again.json().error).toBe('OPTION_NOT_AVAILABLE');
  });

  it('raises a red step warning and a supervision order while the case is still on time', async () => {
    const started = await submitted('traffic-impact-review');
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'accept', opinion: '予以受理' });
    await task(started.caseId, 'Review');
    await fireTimer(started.caseId, 'ReviewRed');
    const warning = await eventually(async () => (await world.t.database.warning.findFirst({ where: { caseId: started.caseId, level: 'red' } })) ?? undefined, 30_000, 'the red warning');
    expect(warning).toMatchObject({ scope: 'step', step: 'Review', department: 'transport' });
    const order = await task(started.caseId, 'EscalateReview');
    expect(await engine.taskCandidateGroups(order.id)).toEqual(['transport-head']);
    expect(Date.parse(started.deadline)).toBeGreaterThan(Date.now());
    expect(await world.t.database.warning.count({ where: { caseId: started.caseId, scope: 'case' } })).toBe(0);
  });
});

describe('bad input', () => {
  it('refuses an unknown item, a missing mandatory material, a wrong type and an oversized file, creating nothing', async () => {
    const before = await world.t.database.caseRecord.count();
    const unknown = await submit('no-such-item', { materials: sampleUploads(item('fire-design-review').materials, 'x') });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'ITEM_UNKNOWN' });

    const materials = sampleUploads(item('fire-design-review').materials, 'x');
    const missing = await submit('fire-design-review', { materials: materials.filter((material) => material.code !== 'fire-design') });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('MATERIALS_MISSING');
    expect(missing.json().message).toContain('消防设计文件');

    const wrongType = await submit('fire-design-review', { materials: materials.map((material) => (material.code === 'fire-design' ? { ...material, contentType: 'image/png' } : material)) });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details).toEqual([expect.objectContaining({ field: 'materials.2.contentType', rule: 'file_type' })]);

    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20).toString('base64');
    const oversized = await submit('fire-design-review', { materials: materials.map((material) => (material.code === 'fire-design' ? { ...material, contentBase64: big } : material)) });
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json().details).toEqual([expect.objectContaining({ field: 'materials.2.contentBase64', rule: 'max_size' })]);

    const badProject = await world.t.app.inject({ method: 'POST', url: '/api/applications', headers: (await as('citizen')).headers, payload: { itemCode: 'fire-design-review', applicant: 'x', project: { name: 'x', heightM: -3 }, materials } });
    expect(badProject.statusCode).toBe(400);
    expect(badProject.body).toContain('project.heightM');

    const greenless = await world.t.app.inject({ method: 'POST', url: '/api/applications', headers: (await as('citizen')).headers, payload: { itemCode: 'fire-design-review', applicant: 'x', project: PROJECT, greenChannel: true, materials } });
    expect(greenless.statusCode).toBe(400);
    expect(greenless.json().details).toEqual([expect.objectContaining({ field: 'greenChannel' })]);

    const reviewer = await world.t.app.inject({ method: 'POST', url: '/api/applications', headers: (await as('fire-reviewer')).headers, payload: { itemCode: 'fire-design-review', applicant: 'x', project: PROJECT, materials } });
    expect(reviewer.statusCode).toBe(403);
    expect(await world.t.database.caseRecord.count()).toBe(before);
  });

  it('refuses a decision on a finished case', async () => {
    const started = await submitted('business-registration', { session: await as('window-clerk') });
    const intake = await task(started.caseId, 'Completeness');
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'reject', opinion: '不予受理' });
    await finished(started.caseId);
    const late = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${intake.id}/complete`, headers: (await as('window-clerk')).headers, payload: { values: { decision: 'accept', opinion: '再受理' } } });
    expect(late.statusCode).toBe(404);
  });
});
