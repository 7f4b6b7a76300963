/** `npm start`'s demo approval cases (run by procedures.test.ts). */
import { describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/calendar/service.js';
import { CatalogueService } from '../../src/catalogue/service.js';
import { seedApprovalCases } from '../../src/demo/approval-cases.js';
import { engine, world } from '../support/approval.js';
import { eventually } from '../support/environment.js';

describe('demo approval cases', () => {
  it('leaves one case in each state worth showing', async () => {
    const { database } = world.t;
    const { keys, skipped } = await seedApprovalCases({ engine, database, calendars: new CalendarService(database), catalogue: new CatalogueService(database) });
    expect(skipped).toEqual([]);
    expect(keys).toHaveLength(7);
    const records = await database.caseRecord.findMany({ where: { businessKey: { in: keys } } });
    const open = async (key: string, group?: string) => {
      const ids = records.map((record) => record.caseId);
      const tasks = await Promise.all(ids.map((id) => engine.tasks({ processInstanceId: id, taskDefinitionKey: key, ...(group ? { candidateGroup: group } : {}) })));
      return tasks.flat().length;
    };
    expect(await open('Completeness', 'window')).toBe(1);
    expect(await open('Review', 'fire')).toBe(1);
    expect(await open('ApproveExtension', 'development-head')).toBe(1);
    expect(await open('DepartmentReview')).toBe(8);
    expect(await open('FollowUp', 'coordination')).toBe(1);
    await eventually(async () => (await open('JointReview', 'environment-head')) === 1, 30_000, 'the joint review');
    await eventually(async () => (await database.clockStop.count({ where: { caseId: { in: records.map((record) => record.caseId) }, resumedAt: null } })) === 1, 30_000, 'the stopped clock');
    await eventually(async () => (await database.signedDocument.count({ where: { caseId: { in: records.map((record) => record.caseId) }, kind: 'licence' } })) === 1, 30_000, 'the e-licence');
  });
});
