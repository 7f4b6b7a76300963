/**
 * The ten departments' pre-checks against the real engine: the DMN tables in
 * processes/approval/rules/ are deployed and evaluated by Camunda, thresholds are probed
 * just below, at and above, and one topic runs end to end through the worker runtime.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Project } from '../../src/applications/project.js';
import { deployFiles, findProcessFiles, PROCESSES_DIR } from '../../src/engine/deploy-processes.js';
import { CIVIL_DEFENSE_DECISION, civilDefensePrecheck, civilDefenseRow } from '../../workers/civil-defense/precheck.js';
import { developmentPrecheck } from '../../workers/development/precheck.js';
import { ENVIRONMENT_DECISION, environmentPrecheck, environmentRow } from '../../workers/environment/precheck.js';
import { firePrecheck } from '../../workers/fire/precheck.js';
import { housingPrecheck } from '../../workers/housing/precheck.js';
import { meteorologyPrecheck } from '../../workers/meteorology/precheck.js';
import { naturalResourcesPrecheck } from '../../workers/natural-resources/precheck.js';
import { planningPrecheck } from '../../workers/planning/precheck.js';
import { PRECHECK_DEPARTMENTS, PRECHECK_TOPICS } from '../../workers/precheck/index.js';
import { decideOne, precheckResultSchema, type PrecheckResult, type PrecheckTopic } from '../../workers/precheck/result.js';
import { WorkerRuntime } from '../../workers/runtime/runtime.js';
import type { HandlerContext } from '../../workers/runtime/topic.js';
import { transportPrecheck } from '../../workers/transport/precheck.js';
import { waterPrecheck } from '../../workers/water/precheck.js';
import { engineClient, eventually, testEnvironment, unique } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

const RULES_DIR = path.join(PROCESSES_DIR, 'approval', 'rules');
const engine = engineClient();
const logs = captureLogger();

/** A commercial complex in the demo city: every fact given, tendered, geology unsuitable. */
const COMPLEX: Project = {
  name: '阳光中心商业综合体',
  address: '阳光市东城区滨河路 8 号',
  type: 'commercial',
  investmentWan: 60_000,
  governmentInvested: false,
  landAreaM2: 12_000,
  floorAreaM2: 30_000,
  aboveGroundAreaM2: 24_000,
  heightM: 48,
  crowdedPlace: true,
  earthworkM3: 36_000,
  geologyUnsuitable: true,
  parcel: { code: 'DC-2026-017', landUse: 'B' },
  landUseRight: { certificateNumber: '阳（2026）东城区不动产权第0001234号', parcelCode: 'DC-2026-017', landUse: 'B', expiresOn: '2066-03-31' },
  contractor: { name: '阳光建工集团有限公司', awardNumber: 'ZB-2026-0088' },
};

function context(): HandlerContext {
  return {
    taskId: unique('precheck-task'),
    businessKey: 'BJ-2026-000001',
    processInstanceId: unique('instance'),
    retries: null,
    log: logs.logger,
    signal: new AbortController().signal,
    activityId: 'Precheck',
    services: { engine },
  };
}

async function precheck(topic: PrecheckTopic, changes: Partial<Project> = {}): Promise<PrecheckResult> {
  const { precheck: result } = await topic.handler({ project: { ...COMPLEX, ...changes } }, context());
  return precheckResultSchema.parse(result);
}

beforeAll(async () => {
  const files = findProcessFiles(RULES_DIR);
  expect(files.length).toBeGreaterThanOrEqual(9);
  // Resource names relative to processes/, as `npm start` deploys them, so this is a no-op when they are there already.
  await deployFiles(engine, files, { name: 'approval-rules', root: PROCESSES_DIR });
});

describe('pre-checks of a commercial complex on the real engine', () => {
  it('development: an enterprise project of this kind is filed', async () => {
    const result = await precheck(developmentPrecheck);
    expect(result).toMatchObject({ department: 'development', outcome: 'pass', decisions: ['development-investment-procedure'] });
    expect(result.facts).toMatchObject({ procedure: 'filing', investmentWan: 60_000, governmentInvested: false });
  });

  it('natural resources: the land-use right matches the parcel and is in force (no DMN)', async () => {
    const result = await precheck(naturalResourcesPrecheck);
    expect(result).toMatchObject({ outcome: 'pass', decisions: [], findings: [expect.objectContaining({ code: 'right.valid' })] });
    expect(result.facts).toMatchObject({ parcelCode: 'DC-2026-017', rightParcelCode: 'DC-2026-017', expiresOn: '2066-03-31' });
  });

  it('planning: commercial use on commercial land is permitted', async () => {
    const result = await precheck(planningPrecheck);
    expect(result).toMatchObject({ outcome: 'pass', decisions: ['planning-zoning-compatibility'] });
    expect(result.facts).toMatchObject({ landUse: 'B', compatibility: 'permitted' });
  });

  it('housing: the tender is mandatory and the award number is there', async () => {
    const result = await precheck(housingPrecheck);
    expect(result).toMatchObject({ outcome: 'pass', decisions: ['housing-tender-required'] });
    expect(result.facts).toMatchObject({ tenderRequired: true, awardNumber: 'ZB-2026-0088' });
  });

  it('environment: a 30 000 m² commercial building needs an EIA report form', async () => {
    const result = await precheck(environmentPrecheck);
    expect(result).toMatchObject({ outcome: 'attention', decisions: ['environment-eia-category'] });
    expect(result.facts).toEqual({ type: 'commercial', floorAreaM2: 30_000, eiaCategory: 'report-form' });
    expect(result.findings[0]).toMatchObject({ code: 'eia.report-form', zh: expect.stringContaining('环境影响报告表'), en: expect.stringContaining('30,000 m²') });
  });

  it('fire: a mall of more than 10 000 m² is a special construction project', async () => {
    const result = await precheck(firePrecheck);
    expect(result).toMatchObject({ outcome: 'attention', decisions: ['fire-design-review'] });
    expect(result.facts).toMatchObject({ fireProcedure: 'design-review' });
  });

  it('civil defence: 6 % of 24 000 m² above ground, paid in lieu at 2 500 yuan/m²', async () => {
    const result = await precheck(civilDefensePrecheck);
    expect(result).toMatchObject({ outcome: 'attention', decisions: ['civil-defense-shelter-standard'] });
    expect(result.facts).toMatchObject({ shelterRatio: 0.06, shelterAreaM2: 1_440, feeRateYuanPerM2: 2_500, feeInLieuYuan: 3_600_000, geologyUnsuitable: true });
    expect(result.findings[0]!.zh).toContain('3,600,000 元');
  });

  it('civil defence: where the geology allows it the shelter is built, no fee', async () => {
    const result = await precheck(civilDefensePrecheck, { geologyUnsuitable: false });
    expect(result).toMatchObject({ outcome: 'pass', findings: [expect.objectContaining({ code: 'shelter.build' })] });
    expect(result.facts).toMatchObject({ shelterAreaM2: 1_440, feeInLieuYuan: null });
  });

  it('transport: 30 000 m² of commercial space needs a traffic impact assessment', async () => {
    const result = await precheck(transportPrecheck);
    expect(result).toMatchObject({ outcome: 'attention', decisions: ['transport-impact-assessment'] });
    expect(result.facts).toMatchObject({ assessmentRequired: true });
  });

  it('water: 1.2 ha and 36 000 m³ need a conservation plan report form', async () => {
    const result = await precheck(waterPrecheck);
    expect(result).toMatchObject({ outcome: 'attention', decisions: ['water-soil-conservation-plan'] });
    expect(result.facts).toMatchObject({ conservationPlan: 'report-form' });
  });

  it('meteorology: a crowded place needs the lightning protection design review', async () => {
    const result = await precheck(meteorologyPrecheck);
    expect(result).toMatchObject({ outcome: 'attention', decisions: ['meteorology-lightning-review'] });
    expect(result.facts).toMatchObject({ designReview: true });
  });

  it('every department answers, in the declared order, with its own department code', async () => {
    const results = await Promise.all(PRECHECK_TOPICS.map((topic) => precheck(topic)));
    expect(results.map((result) => result.department)).toEqual([...PRECHECK_DEPARTMENTS]);
  });

  it('asks for missing facts without consulting a table', async () => {
    const result = await precheck(transportPrecheck, { floorAreaM2: undefined });
    expect(result).toMatchObject({ outcome: 'correction', decisions: [], facts: { type: 'commercial', floorAreaM2: null } });
    expect(result.findings.map((item) => item.code)).toEqual(['missing.floorAreaM2']);
  });
});

/** Thresholds as the engine evaluates the deployed tables: just below, at, just above. */
describe('thresholds of the deployed tables', () => {
  const small = { heightM: 12, floorAreaM2: 1_500, crowdedPlace: false };

  it.each([
    [{ governmentInvested: true, type: 'commercial', investmentWan: 10 }, 'approval'],
    [{ type: 'infrastructure', investmentWan: 9_999.99 }, 'filing'],
    [{ type: 'infrastructure', investmentWan: 10_000 }, 'endorsement'],
    [{ type: 'infrastructure', investmentWan: 10_000.01 }, 'endorsement'],
    [{ type: 'industrial', investmentWan: 199_999 }, 'filing'],
    [{ type: 'industrial', investmentWan: 200_000 }, 'endorsement'],
    [{ type: 'residential', investmentWan: 5_000_000 }, 'filing'],
  ] as const)('development %o → %s', async (changes, procedure) => {
    expect((await precheck(developmentPrecheck, changes)).facts.procedure).toBe(procedure);
  });

  it.each([
    ['R', 'residential', 'permitted'],
    ['R', 'commercial', 'conditional'],
    ['R', 'industrial', 'prohibited'],
    ['B', 'residential', 'prohibited'],
    ['M', 'industrial', 'permitted'],
    ['M', 'infrastructure', 'conditional'],
    ['A', 'public', 'permitted'],
    ['S', 'infrastructure', 'permitted'],
    ['U', 'commercial', 'prohibited'],
    ['G', 'public', 'conditional'],
    ['G', 'residential', 'prohibited'],
  ] as const)('planning: land use %s, %s → %s', async (landUse, type, compatibility) => {
    const result = await precheck(planningPrecheck, { type, parcel: { code: 'DC-2026-017', landUse } });
    expect(result.facts.compatibility).toBe(compatibility);
    expect(result.outcome).toBe({ permitted: 'pass', conditional: 'attention', prohibited: 'correction' }[compatibility]);
  });

  it.each([
    [false, 399.99, false],
    [false, 400, true],
    [false, 400.01, true],
    [true, 50, true],
  ] as const)('housing: government-invested %s, %d 万元 → tender required %s', async (governmentInvested, investmentWan, tenderRequired) => {
    const result = await precheck(housingPrecheck, { governmentInvested, investmentWan, contractor: { name: '阳光建工集团有限公司' } });
    expect(result.facts.tenderRequired).toBe(tenderRequired);
    expect(result.outcome).toBe(tenderRequired ? 'correction' : 'pass');
  });

  it.each([
    ['commercial', 19_999, 'registration'],
    ['commercial', 20_000, 'report-form'],
    ['public', 20_001, 'report-form'],
    ['residential', 199_999, 'report-form'],
    ['residential', 200_000, 'report-book'],
    ['industrial', 49_999, 'report-form'],
    ['industrial', 50_000, 'report-book'],
    ['infrastructure', 99_999, 'report-form'],
    ['infrastructure', 100_000, 'report-book'],
  ] as const)('environment: %s of %d m² → %s', async (type, floorAreaM2, category) => {
    expect((await precheck(environmentPrecheck, { type, floorAreaM2 })).facts.eiaCategory).toBe(category);
  });

  it.each([
    [{ type: 'residential', heightM: 54 }, 'filing'],
    [{ type: 'residential', heightM: 54.1 }, 'design-review'],
    [{ type: 'public', heightM: 50 }, 'filing'],
    [{ type: 'public', heightM: 50.1 }, 'design-review'],
    [{ type: 'residential', heightM: 51 }, 'filing'],
    [{ type: 'industrial', floorAreaM2: 40_000 }, 'filing'],
    [{ type: 'industrial', floorAreaM2: 40_001 }, 'design-review'],
    [{ type: 'commercial', floorAreaM2: 10_000 }, 'filing'],
    [{ type: 'commercial', floorAreaM2: 10_001 }, 'design-review'],
    [{ type: 'public', floorAreaM2: 2_500, crowdedPlace: true }, 'filing'],
    [{ type: 'public', floorAreaM2: 2_501, crowdedPlace: true }, 'design-review'],
    [{ type: 'public', floorAreaM2: 2_501, crowdedPlace: false }, 'filing'],
  ] as const)('fire %o → %s', async (changes, procedure) => {
    expect((await precheck(firePrecheck, { ...small, ...changes })).facts.fireProcedure).toBe(procedure);
  });

  it.each([
    ['residential', 1_999, 0, null],
    ['residential', 2_000, 100, 200_000],
    ['residential', 2_001, 100.05, 200_100],
    ['public', 10_000, 400, 600_000],
    ['industrial', 500_000, 0, null],
    ['infrastructure', 500_000, 0, null],
  ] as const)('civil defence: %s, %d m² above ground → shelter %d m², fee %s', async (type, aboveGroundAreaM2, shelterAreaM2, feeInLieuYuan) => {
    const result = await precheck(civilDefensePrecheck, { type, aboveGroundAreaM2, geologyUnsuitable: true });
    expect(result.facts).toMatchObject({ shelterAreaM2, feeInLieuYuan });
  });

  it.each([
    ['residential', 49_999, false],
    ['residential', 50_000, true],
    ['commercial', 19_999, false],
    ['commercial', 20_000, true],
    ['public', 29_999, false],
    ['public', 30_000, true],
    ['industrial', 99_999, false],
    ['industrial', 100_000, true],
    ['infrastructure', 9_999, false],
    ['infrastructure', 10_000, true],
  ] as const)('transport: %s of %d m² → assessment %s', async (type, floorAreaM2, assessmentRequired) => {
    expect((await precheck(transportPrecheck, { type, floorAreaM2 })).facts.assessmentRequired).toBe(assessmentRequired);
  });

  it.each([
    [4_999, 999, 'none'],
    [5_000, 999, 'report-form'],
    [4_999, 1_000, 'report-form'],
    [49_999, 49_999, 'report-form'],
    [50_000, 0, 'report-book'],
    [100, 50_000, 'report-book'],
  ] as const)('water: %d m² of land, %d m³ of earthwork → %s', async (landAreaM2, earthworkM3, plan) => {
    expect((await precheck(waterPrecheck, { landAreaM2, earthworkM3 })).facts.conservationPlan).toBe(plan);
  });

  it.each([
    [49.9, false, false],
    [50, false, true],
    [50.1, false, true],
    [10, true, true],
  ] as const)('meteorology: %d m, crowded %s → review %s', async (heightM, crowdedPlace, designReview) => {
    expect((await precheck(meteorologyPrecheck, { heightM, crowdedPlace })).facts.designReview).toBe(designReview);
  });
});

describe('a table that cannot answer', () => {
  it('fails clearly when no rule matches (civil defence has no catch-all)', async () => {
    await expect(decideOne(engine, CIVIL_DEFENSE_DECISION, { type: 'military', aboveGroundAreaM2: 5_000 }, civilDefenseRow)).rejects.toThrow(
      /decision table civil-defense-shelter-standard matched no rule for \{"type":"military"/,
    );
  });

  it('fails clearly when the outputs are not what the worker reads', async () => {
    await expect(decideOne(engine, ENVIRONMENT_DECISION, { type: 'commercial', floorAreaM2: 1 }, z.object({ eiaClass: z.string() }))).rejects.toThrow(/unexpected outputs/);
    // The real row schema accepts the same answer.
    expect(await decideOne(engine, ENVIRONMENT_DECISION, { type: 'commercial', floorAreaM2: 1 }, environmentRow)).toEqual({ category: 'registration' });
  });
});

describe('end to end through the worker runtime', () => {
  // A topic name of its own, so a worker of another test file can never take this task.
  const topic = `${environmentPrecheck.topic}.${unique('e2e')}`;
  const processKey = `precheck-${topic.replace(/\./g, '-')}`;
  let runtime: WorkerRuntime;

  beforeAll(() => {
    const env = testEnvironment();
    runtime = new WorkerRuntime([{ ...environmentPrecheck, topic }], {
      engineUrl: env.engineRestUrl,
      user: env.engineUser,
      password: env.enginePassword,
      logger: logs.logger,
      longPollMs: 1_000,
      services: { engine },
    });
    runtime.start();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('stores the precheck variable in the process instance', async () => {
    // The pre-check, then a review task that keeps the instance (and its variables) alive.
    const diagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/test">
  <bpmn:process id="${processKey}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>ToPrecheck</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Precheck" camunda:type="external" camunda:topic="${topic}"><bpmn:incoming>ToPrecheck</bpmn:incoming><bpmn:outgoing>ToReview</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:userTask id="Review" camunda:candidateGroups="environment"><bpmn:incoming>ToReview</bpmn:incoming><bpmn:outgoing>ToEnd</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToPrecheck" sourceRef="Start" targetRef="Precheck" />
    <bpmn:sequenceFlow id="ToReview" sourceRef="Precheck" targetRef="Review" />
    <bpmn:sequenceFlow id="ToEnd" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
    await engine.deploy({ name: processKey, files: [{ name: `${processKey}.bpmn`, content: diagram }] });
    const instance = await engine.startProcess(processKey, { businessKey: unique('BJ'), variables: { project: COMPLEX } });
    await eventually(async () => (await engine.tasks({ processInstanceId: instance.id, taskDefinitionKey: 'Review' })).length === 1, 20_000, 'the review task');
    const variables = await engine.variables(instance.id);
    const stored = precheckResultSchema.parse(variables.precheck);
    expect(stored).toMatchObject({ department: 'environment', outcome: 'attention', facts: { eiaCategory: 'report-form' }, decisions: ['environment-eia-category'] });
    expect(logs.lines.find((line) => line.topic === topic && line.msg === '自动预审完成 / pre-check done')).toMatchObject({ outcome: 'attention', businessKey: instance.businessKey });
    await engine.deleteProcessInstance(instance.id, 'test done');
  });
});
