import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-config-'));

describe('configuration', () => {
  it('names the variable and the rule for a malformed DATABASE_URL', () => {
    expect(() => loadConfig({ SUNSHINE_DATA_DIR: dataDir(), DATABASE_URL: 'mysql://nope', SUNSHINE_ENGINE_DATABASE_URL: 'postgresql://a@b/c' })).toThrowError(
      /^配置错误 \/ invalid configuration: DATABASE_URL must be a URL like postgresql:/,
    );
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ SUNSHINE_DATA_DIR: dataDir(), PORT: '70000' })).toThrowError(ConfigError);
    expect(() => loadConfig({ SUNSHINE_DATA_DIR: dataDir(), PORT: '70000' })).toThrowError(/PORT/);
  });

  it('generates development secrets once and reuses them', () => {
    const dir = dataDir();
    const first = loadConfig({ SUNSHINE_DATA_DIR: dir });
    const second = loadConfig({ SUNSHINE_DATA_DIR: dir });
    expect(first.engine.password).toHaveLength(26);
    expect(second.engine.password).toBe(first.engine.password);
    expect(first.database.embedded?.password).toBe(second.database.embedded?.password);
    expect(fs.statSync(path.join(dir, 'dev-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('gives processes starting at once the same secrets, never a half-written file', async () => {
    const dir = dataDir();
    const script = `import { loadOrCreateDevSecrets } from './src/config/dev-secrets.ts'; process.stdout.write(loadOrCreateDevSecrets(${JSON.stringify(dir)}).adminPassword);`;
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        return new Promise<string>((resolve) => child.on('close', () => resolve(output)));
      }),
    );
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toMatch(/^[\w-]{20,}$/);
    expect(fs.readdirSync(dir)).toEqual(['dev-secrets.json']);
  });

  it('has no default secrets in production', () => {
    const base = {
      NODE_ENV: 'production',
      SUNSHINE_DATA_DIR: dataDir(),
      DATABASE_URL: 'postgresql://u:p@db:5432/sunshine',
      SUNSHINE_ENGINE_DATABASE_URL: 'postgresql://u:p@db:5432/engine',
    };
    expect(() => loadConfig(base)).toThrowError(/SUNSHINE_ENGINE_USER must be set in production/);
    expect(fs.existsSync(path.join(base.SUNSHINE_DATA_DIR, 'dev-secrets.json'))).toBe(false);
  });

  it('refuses the embedded database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SUNSHINE_DATA_DIR: dataDir() })).toThrowError(/DATABASE_URL must be set in production/);
  });

  it('requires the engine database with an external API database', () => {
    expect(() => loadConfig({ SUNSHINE_DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://u:p@db:5432/sunshine' })).toThrowError(/SUNSHINE_ENGINE_DATABASE_URL/);
  });

  it('refuses engine user ids that Camunda would reject', () => {
    expect(() => loadConfig({ SUNSHINE_DATA_DIR: dataDir(), SUNSHINE_ENGINE_ADMIN_USER: 'ops-admin' })).toThrowError(/SUNSHINE_ENGINE_ADMIN_USER must contain only letters and digits/);
  });
});
