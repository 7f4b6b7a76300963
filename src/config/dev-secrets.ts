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
  /** Shared password of the seeded demo users (every role and department). */
  demoPassword: z.string().min(12),
  /** Encrypts the CA's and the departments' private keys at rest (32 bytes, base64). */
  keyEncryptionKey: z.string().min(40),
});

export type DevSecrets = z.infer<typeof secretsSchema>;

export const DEV_SECRETS_FILE = 'dev-secrets.json';

function generate(): string {
  // Letters and digits guaranteed, so generated passwords meet the password rule.
  return `${randomBytes(18).toString('base64url')}a1`;
}

/**
 * Writes the file whole or not at all: a process starting at the same moment must never
 * read it half-written. `replace` false keeps secrets another process wrote first.
 */
function writeAtomically(file: string, secrets: DevSecrets, replace: boolean): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  try {
    if (replace) {
      fs.renameSync(temporary, file);
      return true;
    }
    fs.linkSync(temporary, file); // fails if the file exists, unlike rename
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, DEV_SECRETS_FILE);
  const fresh = (): DevSecrets => ({
    databasePassword: generate(),
    engineRestPassword: generate(),
    engineAdminPassword: generate(),
    adminPassword: generate(),
    demoPassword: generate(),
    keyEncryptionKey: randomBytes(32).toString('base64'),
  });
  if (fs.existsSync(file)) {
    // A data directory from an older version may lack newer secrets: add them, keep the rest.
    const stored = secretsSchema.partial().safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!stored.success) throw new Error(`开发密钥文件损坏 / ${file} is not valid: delete it to generate new development secrets`);
    const complete = { ...fresh(), ...stored.data };
    if (Object.keys(stored.data).length < Object.keys(complete).length) writeAtomically(file, complete, true);
    return complete;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = fresh();
  return writeAtomically(file, secrets, false) ? secrets : loadOrCreateDevSecrets(dataDir);
}
