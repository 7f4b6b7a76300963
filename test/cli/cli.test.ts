/** The `sunshine` command as a user runs it: exit codes and one-line errors. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/database/prisma.js';
import { seedDemo } from '../../src/identity/seed.js';
import { freshDatabase, testEnvironment, unique } from '../support/environment.js';

const env = testEnvironment();

/** A diagram that passes the project lint: a registered topic, a known group, deadline variables. */
function lintClean(key: string, groups = 'demo'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/test">
  <bpmn:process id="${key}" name="CLI" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:versionTag="1.0">
    <bpmn:startEvent id="Start" name="start"><bpmn:outgoing>ToWork</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Work" name="check" camunda:type="external" camunda:topic="demo.check-materials"><bpmn:incoming>ToWork</bpmn:incoming><bpmn:outgoing>ToReview</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:userTask id="Review" name="review" camunda:candidateGroups="${groups}" camunda:dueDate="\${deadline}"><bpmn:incoming>ToReview</bpmn:incoming><bpmn:outgoing>ToEnd</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End" name="end"><bpmn:incoming>ToEnd</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="ToWork" sourceRef="Start" targetRef="Work" />
    <bpmn:sequenceFlow id="ToReview" sourceRef="Work" targetRef="Review" />
    <bpmn:sequenceFlow id="ToEnd" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

function sunshine(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/sunshine.mjs', ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SUNSHINE_DATA_DIR: path.join(env.dir, 'cli-data'),
      SUNSHINE_ENGINE_URL: env.engineRestUrl,
      SUNSHINE_ENGINE_USER: env.engineUser,
      SUNSHINE_ENGINE_PASSWORD: env.enginePassword,
      ...extraEnv,
    },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sunshine CLI', () => {
  it('prints help listing its commands', () => {
    const result = sunshine(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['start', 'workers', 'engine', 'deploy', 'bench']) expect(result.stdout).toContain(command);
  });

  it('shows the engine status', () => {
    const result = sunshine(['engine', 'status', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '7.24.0', openIncidents: expect.any(Number) });
  });

  it('deploys a diagram, and reports a broken one by file:line:column', () => {
    const dir = path.join(env.dir, unique('cli'));
    fs.mkdirSync(dir);
    const key = unique('cli-proc');
    const good = path.join(dir, 'good.bpmn');
    fs.writeFileSync(good, lintClean(key));
    const deployed = sunshine(['deploy', good]);
    expect(deployed.code, deployed.stderr).toBe(0);
    expect(deployed.stdout).toContain(`${key} v1`);
    // No database running for the CLI here: only the candidate-group rule is skipped, in one line.
    expect(deployed.stderr.trim().split('\n')).toEqual([expect.stringMatching(/candidate-group check .* is skipped/)]);

    const bad = path.join(dir, 'bad.bpmn');
    fs.writeFileSync(bad, lintClean(key).replace('<bpmn:endEvent id="End" name="end">', '<bpmn:endEvent id="End" name="end">\n<oops>'));
    const refused = sunshine(['deploy', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.bpmn:\d+:\d+ \[End\] /);
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/^错误 \/ error: 流程图有 1 处错误/);
  });

  it('refuses a diagram that fails the lint, one line per problem, before the engine sees it', () => {
    const dir = path.join(env.dir, unique('cli'));
    fs.mkdirSync(dir);
    const key = unique('cli-lint');
    const file = path.join(dir, 'unregistered.bpmn');
    fs.writeFileSync(file, lintClean(key).replace('demo.check-materials', 'cli.nobody-serves-this').replace(' camunda:versionTag="1.0"', ''));
    const refused = sunshine(['deploy', file]);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/unregistered\.bpmn:Work: sunshine\/topic-registered .*cli\.nobody-serves-this/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`unregistered\\.bpmn:${key}: sunshine/version-tag `)));
    expect(lines.at(-1)).toMatch(/^错误 \/ error: 流程图未通过检查，有 2 处错误/);
  });

  it('checks candidate groups against the departments when DATABASE_URL is configured', async () => {
    const databaseUrl = await freshDatabase();
    const database = createPrismaClient(databaseUrl);
    try {
      await seedDemo(database, 'demo-password-1');
    } finally {
      await database.$disconnect();
    }
    const dir = path.join(env.dir, unique('cli'));
    fs.mkdirSync(dir);
    const key = unique('cli-groups');
    const file = path.join(dir, 'groups.bpmn');
    fs.writeFileSync(file, lintClean(key, 'demo,demo-head,${department},nowhere'));
    const refused = sunshine(['deploy', file], { DATABASE_URL: databaseUrl, SUNSHINE_ENGINE_DATABASE_URL: env.engineDatabaseUrl });
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).not.toMatch(/is skipped/);
    expect(refused.stderr).toMatch(/groups\.bpmn:Review: sunshine\/candidate-group-known .*"nowhere"/);
    expect(refused.stderr).not.toMatch(/"demo"|"demo-head"/);
  });

  it('stops start-up with one line naming a malformed variable', () => {
    const result = sunshine(['start'], { DATABASE_URL: 'not a url', SUNSHINE_ENGINE_DATABASE_URL: 'postgresql://u:p@h/db' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^配置错误 \/ invalid configuration: DATABASE_URL must be a URL like postgresql:/)]);
  });

  it('exits non-zero with one line for an unreachable engine and an unknown department', () => {
    const down = sunshine(['engine', 'status'], { SUNSHINE_ENGINE_URL: 'http://127.0.0.1:9/engine-rest' });
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/engine unreachable/);
    const unknown = sunshine(['workers', '--department', 'nowhere']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown department "nowhere"/);
  });
});
