/**
 * The departments' pre-check rules without an engine: each pure rule from project facts and
 * a decision-table row, the boundaries the code itself draws (dates, arithmetic), missing
 * facts, and the shape of the shipped DMN files. The tables' own thresholds are probed on
 * the real engine in test/workers/prechecks.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/applications/project.js';
import { PROCESSES_DIR } from '../../src/engine/deploy-processes.js';
import { assessCivilDefense, CIVIL_DEFENSE_DECISION } from '../../workers/civil-defense/precheck.js';
import { assessDevelopment, DEVELOPMENT_DECISION } from '../../workers/development/precheck.js';
import { assessEnvironment, ENVIRONMENT_DECISION } from '../../workers/environment/precheck.js';
import { assessFire, FIRE_DECISION } from '../../workers/fire/precheck.js';
import { assessHousing, HOUSING_DECISION } from '../../workers/housing/precheck.js';
import { assessMeteorology, METEOROLOGY_DECISION } from '../../workers/meteorology/precheck.js';
import { assessNaturalResources } from '../../workers/natural-resources/precheck.js';
import { assessPlanning, PLANNING_DECISION } from '../../workers/planning/precheck.js';
import { PRECHECK_DEPARTMENTS, PRECHECK_TOPICS } from '../../workers/precheck/index.js';
import { FACT_LABELS, missingFact, outcomeOf, precheckOutput, shanghaiToday, type Assessment, type Finding, type PrecheckTopic } from '../../workers/precheck/result.js';
import type { HandlerContext } from '../../workers/runtime/topic.js';
import { assessTransport, TRANSPORT_DECISION } from '../../workers/transport/precheck.js';
import { assessWater, WATER_DECISION } from '../../workers/water/precheck.js';
import { captureLogger } from '../support/logs.js';

const codes = (assessment: Assessment) => assessment.findings.map((item) => item.code);
const outcome = (assessment: Assessment) => outcomeOf(assessment.findings);

/** No services at all: a pre-check that stops at missing facts must not need the engine. */
function offlineContext(): HandlerContext {
  return {
    taskId: 'task-1',
    businessKey: null,
    processInstanceId: 'instance-1',
    retries: null,
    log: captureLogger('silent').logger,
    signal: new AbortController().signal,
    activityId: 'Precheck',
    services: {},
  };
}

function topic(department: string): PrecheckTopic {
  const found = PRECHECK_TOPICS.find((definition) => definition.department === department);
  if (!found) throw new Error(`no pre-check for ${department}`);
  return found;
}

const level = (code: string, levelName: Finding['level']): Finding => ({ code, level: levelName, zh: 'x', en: 'x' });

describe('outcome from the findings', () => {
  it('is decided by the worst finding', () => {
    expect(outcomeOf([])).toBe('pass');
    expect(outcomeOf([level('a', 'info')])).toBe('pass');
    expect(outcomeOf([level('a', 'info'), level('b', 'attention')])).toBe('attention');
    expect(outcomeOf([level('a', 'correction'), level('b', 'attention'), level('c', 'info')])).toBe('correction');
  });

  it('names a missing fact in Chinese and English', () => {
    expect(missingFact('heightM')).toEqual({
      code: 'missing.heightM',
      level: 'correction',
      zh: '缺少项目信息：建筑高度（米），请申请人补正',
      en: 'missing project fact: building height (m); ask the applicant to supply it',
    });
    expect(Object.keys(FACT_LABELS)).toHaveLength(15);
  });
});

describe('topics', () => {
  it('are the ten departments, in order, each on <department>.precheck', () => {
    expect(PRECHECK_DEPARTMENTS).toEqual(['development', 'natural-resources', 'planning', 'housing', 'environment', 'fire', 'civil-defense', 'transport', 'water', 'meteorology']);
    expect(PRECHECK_TOPICS.map((definition) => definition.department)).toEqual([...PRECHECK_DEPARTMENTS]);
    expect(PRECHECK_TOPICS.map((definition) => definition.topic)).toEqual(PRECHECK_DEPARTMENTS.map((code) => `${code}.precheck`));
    for (const definition of PRECHECK_TOPICS) {
      expect(definition.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys((definition.input as { shape: object }).shape)).toEqual(['project']);
      expect(Object.keys((definition.output as { shape: object }).shape)).toEqual(['precheck']);
    }
  });

  it('rejects input that is not a project', () => {
    expect(topic('fire').input.safeParse({ project: { name: 'x', heightM: -3 } }).success).toBe(false);
    expect(topic('fire').input.safeParse({ project: { name: 'x', heightM: 30 } }).success).toBe(true);
  });
});

describe('missing facts → correction, every one named at once, no table consulted', () => {
  const needs: Record<(typeof PRECHECK_DEPARTMENTS)[number], (keyof Project)[]> = {
    development: ['governmentInvested', 'type', 'investmentWan'],
    'natural-resources': ['parcel', 'landUseRight'],
    planning: ['parcel', 'type'],
    housing: ['contractor', 'governmentInvested', 'investmentWan'],
    environment: ['type', 'floorAreaM2'],
    fire: ['type', 'heightM', 'floorAreaM2', 'crowdedPlace'],
    'civil-defense': ['type', 'aboveGroundAreaM2'],
    transport: ['type', 'floorAreaM2'],
    water: ['landAreaM2', 'earthworkM3'],
    meteorology: ['heightM', 'crowdedPlace'],
  };

  it.each(PRECHECK_DEPARTMENTS.map((department) => [department]))('%s', async (department) => {
    const output = await topic(department).handler({ project: { name: '只有名称的项目' } }, offlineContext());
    expect(precheckOutput.parse(output)).toEqual(output);
    const { precheck } = output;
    expect(precheck).toMatchObject({ department, outcome: 'correction', decisions: [] });
    expect(precheck.findings).toEqual(needs[department].map(missingFact));
    for (const item of precheck.findings) expect(item.zh).toContain(FACT_LABELS[item.code.replace('missing.', '') as keyof Project].zh);
  });

  it('reports the facts that were given beside the missing ones', async () => {
    const { precheck } = await topic('environment').handler({ project: { name: 'x', type: 'commercial' } }, offlineContext());
    expect(precheck.findings.map((item) => item.code)).toEqual(['missing.floorAreaM2']);
    expect(precheck.facts).toEqual({ type: 'commercial', floorAreaM2: null });
  });

  it('treats false and 0 as given facts', async () => {
    const { precheck } = await topic('meteorology').handler({ project: { name: 'x', crowdedPlace: false } }, offlineContext());
    expect(precheck.findings.map((item) => item.code)).toEqual(['missing.heightM']);
    const water = await topic('water').handler({ project: { name: 'x', earthworkM3: 0 } }, offlineContext());
    expect(water.precheck.findings.map((item) => item.code)).toEqual(['missing.landAreaM2']);
  });

  it('needs the engine once every fact is there', async () => {
    await expect(topic('water').handler({ project: { name: 'x', landAreaM2: 100, earthworkM3: 0 } }, offlineContext())).rejects.toThrow(/without the engine service/);
  });
});

describe('development', () => {
  const project = { name: 'x', governmentInvested: false, type: 'industrial' as const, investmentWan: 12_345.6 };
  it.each([
    ['approval', 'attention'],
    ['endorsement', 'attention'],
    ['filing', 'pass'],
  ] as const)('%s → %s', (procedure, expected) => {
    const assessment = assessDevelopment(project, { procedure });
    expect(outcome(assessment)).toBe(expected);
    expect(codes(assessment)).toEqual([`procedure.${procedure}`]);
    expect(assessment.facts).toEqual({ procedure });
    expect(assessment.findings[0]!.zh).toContain('12,345.6 万元');
  });
});

describe('natural resources (no table: compares records and dates)', () => {
  const parcel = { code: 'DC-2026-017', landUse: 'B' as const };
  const right: NonNullable<Project['landUseRight']> = { certificateNumber: '阳（2026）不动产权第0001234号', parcelCode: 'DC-2026-017', landUse: 'B', expiresOn: '2026-06-30' };
  const assess = (changes: Partial<typeof right>, today = '2026-06-30') => assessNaturalResources({ name: 'x', parcel, landUseRight: { ...right, ...changes } }, today);

  it.each([
    ['2026-06-29', 'correction', ['right.expired']],
    ['2026-06-30', 'pass', ['right.valid']],
    ['2026-07-01', 'pass', ['right.valid']],
  ] as const)('a right ending %s, checked on 2026-06-30 → %s', (expiresOn, expected, found) => {
    const assessment = assess({ expiresOn });
    expect(outcome(assessment)).toBe(expected);
    expect(codes(assessment)).toEqual(found);
  });

  it('finds every mismatch at once', () => {
    const assessment = assess({ parcelCode: 'DC-2026-018', landUse: 'R', expiresOn: '2020-01-01' });
    expect(codes(assessment)).toEqual(['right.parcel-mismatch', 'right.land-use-mismatch', 'right.expired']);
    expect(assessment.findings[0]!.zh).toContain('DC-2026-018');
    expect(assessment.facts).toMatchObject({ parcelCode: 'DC-2026-017', rightParcelCode: 'DC-2026-018', parcelLandUse: 'B', rightLandUse: 'R' });
  });

  it('uses the Asia/Shanghai date: 16:00 UTC is already tomorrow there', () => {
    expect(shanghaiToday(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30');
    expect(shanghaiToday(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });
});

describe('planning', () => {
  const project = { name: 'x', type: 'commercial' as const, parcel: { code: 'P-1', landUse: 'R' as const } };
  it.each([
    ['permitted', 'pass'],
    ['conditional', 'attention'],
    ['prohibited', 'correction'],
  ] as const)('%s → %s', (compatibility, expected) => {
    const assessment = assessPlanning(project, { compatibility });
    expect(outcome(assessment)).toBe(expected);
    expect(assessment.facts).toEqual({ parcelCode: 'P-1', landUse: 'R', compatibility });
  });
});

describe('housing', () => {
  const project = { name: 'x', governmentInvested: false, investmentWan: 500, contractor: { name: '阳光建工' } };
  it('no tender required → pass whatever the award', () => {
    expect(codes(assessHousing(project, { tenderRequired: false }))).toEqual(['contractor.no-tender-required']);
    expect(outcome(assessHousing(project, { tenderRequired: false }))).toBe('pass');
  });
  it('tender required without an award number → correction naming the contractor', () => {
    const assessment = assessHousing(project, { tenderRequired: true });
    expect(outcome(assessment)).toBe('correction');
    expect(assessment.findings[0]).toMatchObject({ code: 'contractor.award-missing', zh: expect.stringContaining('阳光建工') });
    expect(assessment.facts).toEqual({ contractor: '阳光建工', awardNumber: null, tenderRequired: true });
  });
  it('tender required with an award number → pass', () => {
    const assessment = assessHousing({ ...project, governmentInvested: true, contractor: { name: '阳光建工', awardNumber: 'ZB-1' } }, { tenderRequired: true });
    expect(outcome(assessment)).toBe('pass');
    expect(assessment.findings[0]).toMatchObject({ code: 'contractor.tendered', zh: expect.stringContaining('政府投资项目') });
  });
});

describe('environment, fire, transport, water, meteorology: the table decides, the rule words it', () => {
  const building = { name: 'x', type: 'commercial' as const, floorAreaM2: 30_000, heightM: 48, crowdedPlace: true, landAreaM2: 12_000, earthworkM3: 36_000 };
  it.each([
    [assessEnvironment(building, { category: 'report-book' }), 'attention', 'eia.report-book'],
    [assessEnvironment(building, { category: 'report-form' }), 'attention', 'eia.report-form'],
    [assessEnvironment(building, { category: 'registration' }), 'pass', 'eia.registration'],
    [assessFire(building, { procedure: 'design-review' }), 'attention', 'fire.design-review'],
    [assessFire(building, { procedure: 'filing' }), 'pass', 'fire.filing'],
    [assessTransport(building, { assessmentRequired: true }), 'attention', 'traffic.assessment-required'],
    [assessTransport(building, { assessmentRequired: false }), 'pass', 'traffic.not-required'],
    [assessWater(building, { plan: 'report-book' }), 'attention', 'soil.report-book'],
    [assessWater(building, { plan: 'report-form' }), 'attention', 'soil.report-form'],
    [assessWater(building, { plan: 'none' }), 'pass', 'soil.none'],
    [assessMeteorology(building, { designReview: true }), 'attention', 'lightning.design-review'],
    [assessMeteorology(building, { designReview: false }), 'pass', 'lightning.not-required'],
  ])('%# → %s (%s)', (assessment, expected, code) => {
    expect(outcome(assessment)).toBe(expected);
    expect(codes(assessment)).toEqual([code]);
    for (const item of assessment.findings) {
      expect(item.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(item.en).toMatch(/^[\x20-\x7e²³×—–]+$/);
    }
  });

  it('puts the figures the table decided on into the texts', () => {
    expect(assessEnvironment(building, { category: 'report-form' }).findings[0]!.en).toContain('30,000 m²');
    expect(assessFire(building, { procedure: 'design-review' }).findings[0]!.zh).toContain('人员密集场所');
    expect(assessWater(building, { plan: 'report-form' }).findings[0]!.zh).toContain('36,000 m³');
  });
});

describe('civil defence arithmetic', () => {
  const project = { name: 'x', type: 'commercial' as const, aboveGroundAreaM2: 24_000 };
  const standard = { shelterRatio: 0.06, feeRateYuanPerM2: 2_500 };

  it('no shelter when the ratio is 0, and then the geology does not matter', () => {
    const assessment = assessCivilDefense(project, { shelterRatio: 0, feeRateYuanPerM2: 0 });
    expect(outcome(assessment)).toBe('pass');
    expect(codes(assessment)).toEqual(['shelter.not-required']);
    expect(assessment.facts).toMatchObject({ shelterAreaM2: 0, feeInLieuYuan: null });
  });

  it('asks whether the geology allows a basement once a shelter is required', () => {
    const assessment = assessCivilDefense(project, standard);
    expect(outcome(assessment)).toBe('correction');
    expect(codes(assessment)).toEqual(['shelter.required', 'missing.geologyUnsuitable']);
    expect(assessment.facts).toMatchObject({ shelterAreaM2: 1_440, geologyUnsuitable: null, feeInLieuYuan: null });
  });

  it('builds the shelter where the geology allows it', () => {
    const assessment = assessCivilDefense({ ...project, geologyUnsuitable: false }, standard);
    expect(outcome(assessment)).toBe('pass');
    expect(assessment.facts).toEqual({ shelterRatio: 0.06, shelterAreaM2: 1_440, feeRateYuanPerM2: 2_500, geologyUnsuitable: false, feeInLieuYuan: null });
  });

  it('charges area × rate in lieu where it does not, to the fen', () => {
    const assessment = assessCivilDefense({ ...project, geologyUnsuitable: true }, standard);
    expect(outcome(assessment)).toBe('attention');
    expect(assessment.facts).toMatchObject({ shelterAreaM2: 1_440, feeInLieuYuan: 3_600_000 });
    expect(assessment.findings[0]!.zh).toContain('3,600,000 元');
    // 2 345.67 × 5 % = 117.2835 → 117.28 m²; × 1 999.99 yuan = 234 558.83 yuan (rounded from 234 558.8272).
    const odd = assessCivilDefense({ ...project, aboveGroundAreaM2: 2_345.67, geologyUnsuitable: true }, { shelterRatio: 0.05, feeRateYuanPerM2: 1_999.99 });
    expect(odd.facts).toMatchObject({ shelterAreaM2: 117.28, feeInLieuYuan: 234_558.83 });
  });
});

describe('shipped DMN tables', () => {
  const dir = path.join(PROCESSES_DIR, 'approval', 'rules');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['decision', 'rule', 'input', 'output', 'inputEntry', 'outputEntry'].includes(name) });
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.dmn'));
  const documents = files.map((name) => ({ name, xml: parser.parse(fs.readFileSync(path.join(dir, name), 'utf8')) }));
  const decisions = documents.flatMap(({ name, xml }) => (xml.definitions.decision as Record<string, unknown>[]).map((decision) => ({ name, xml, decision })));
  const WORKER_KEYS = [DEVELOPMENT_DECISION, PLANNING_DECISION, HOUSING_DECISION, ENVIRONMENT_DECISION, FIRE_DECISION, CIVIL_DEFENSE_DECISION, TRANSPORT_DECISION, WATER_DECISION, METEOROLOGY_DECISION];

  it('hold exactly the decisions the workers evaluate, one file each, named after the key', () => {
    expect(decisions.map(({ decision }) => decision['@id']).sort()).toEqual([...WORKER_KEYS].sort());
    for (const { name, decision } of decisions) expect(name).toBe(`${String(decision['@id'])}.dmn`);
  });

  it.each(files.map((name) => [name]))('%s: DMN 1.3 for Camunda 7, history time to live, FIRST or UNIQUE', (name) => {
    const { xml } = documents.find((document) => document.name === name)!;
    expect(xml.definitions['@xmlns']).toBe('https://www.omg.org/spec/DMN/20191111/MODEL/');
    expect(xml.definitions['@xmlns:camunda']).toBe('http://camunda.org/schema/1.0/dmn');
    for (const decision of xml.definitions.decision) {
      expect(decision['@camunda:historyTimeToLive']).toBe('P180D');
      expect(['FIRST', 'UNIQUE']).toContain(decision.decisionTable['@hitPolicy']);
      for (const input of decision.decisionTable.input) expect(['string', 'double', 'boolean']).toContain(input.inputExpression['@typeRef']);
    }
  });

  it('describe every rule in Chinese and English, with one entry per column', () => {
    for (const { decision } of decisions) {
      const table = (decision as { decisionTable: { input: unknown[]; output: unknown[]; rule: { description: string; inputEntry: unknown[]; outputEntry: unknown[] }[] } }).decisionTable;
      expect(table.rule.length).toBeGreaterThan(1);
      for (const rule of table.rule) {
        expect(rule.description).toMatch(/[\u4e00-\u9fff].*\/ *[A-Za-z]/);
        expect(rule.inputEntry).toHaveLength(table.input.length);
        expect(rule.outputEntry).toHaveLength(table.output.length);
      }
    }
  });
});
