/** The `sunshine` command as a user runs it: exit codes and one-line errors. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEnvironment, unique } from '../support/environment.js';
import { externalTaskProcess } from '../support/bpmn.js';

const env = testEnvironment();

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
    fs.writeFileSync(good, externalTaskProcess({ processKey: key, topic: 'cli.topic' }));
    const deployed = sunshine(['deploy', good]);
    expect(deployed.code, deployed.stderr).toBe(0);
    expect(deployed.stdout).toContain(`${key} v1`);

    const bad = path.join(dir, 'bad.bpmn');
    fs.writeFileSync(bad, externalTaskProcess({ processKey: key, topic: 'cli.topic' }).replace('<bpmn:endEvent id="End">', '<bpmn:endEvent id="End">\n<oops>'));
    const refused = sunshine(['deploy', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.bpmn:\d+:\d+ /);
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/^错误 \/ error: 流程图有 1 处错误/);
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
