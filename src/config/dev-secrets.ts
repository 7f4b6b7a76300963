/**
 * Development-only secrets: generated on first start and kept in the data directory so
 * that a restart (and the CLI) finds the same engine and database passwords. Production
 * never reaches this module: there every secret must come from the environment.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const secretsSchema = z.object({
  databasePassword: z.string().min(12),
  engineRestPassword: z.string().min(12),
  engineAdminPassword: z.string().min(12),
  adminPassword: z.string().min(12),
});

export type DevSecrets = z.infer<typeof secretsSchema>;

export const DEV_SECRETS_FILE = 'dev-secrets.json';

function generate(): string {
  return randomBytes(18).toString('base64url');
}

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, DEV_SECRETS_FILE);
  if (fs.existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    throw new Error(`开发密钥文件损坏 / ${file} is not valid: delete it to generate new development secrets`);
  }
  const secrets: DevSecrets = {
    databasePassword: generate(),
    engineRestPassword: generate(),
    engineAdminPassword: generate(),
    adminPassword: generate(),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  // 'wx' so that two processes starting at once cannot overwrite each other's secrets.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateDevSecrets(dataDir);
    throw error;
  }
  return secrets;
}
