/**
 * Login sessions: a random token in an httpOnly, SameSite=Strict cookie; the database
 * keeps only its SHA-256. Sessions end after 8 idle hours or 12 hours in all.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../database/prisma.js';

export const SESSION_COOKIE = 'sunshine_session';
export const CSRF_HEADER = 'x-csrf-token';
const IDLE_MS = 8 * 3_600_000;
const ABSOLUTE_MS = 12 * 3_600_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_MS = 60_000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(database: Database, userId: bigint, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ABSOLUTE_MS);
  await database.session.create({ data: { idHash: digest(token), userId, csrfToken, createdAt: now, expiresAt, lastSeenAt: now } });
  return { token, csrfToken, expiresAt };
}

export async function resolveSession(database: Database, token: string, now = new Date()) {
  const session = await database.session.findUnique({
    where: { idHash: digest(token) },
    include: { user: { include: { department: true } } },
  });
  if (!session) return undefined;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleFor > IDLE_MS || !session.user.active) {
    await database.session.deleteMany({ where: { idHash: session.idHash } });
    return undefined;
  }
  if (idleFor > TOUCH_MS) await database.session.update({ where: { idHash: session.idHash }, data: { lastSeenAt: now } });
  return session;
}

export async function endSession(database: Database, token: string): Promise<void> {
  await database.session.deleteMany({ where: { idHash: digest(token) } });
}

/** After a password change every other session of the user ends. */
export async function endOtherSessions(database: Database, userId: bigint, keepToken?: string): Promise<void> {
  await database.session.deleteMany({ where: { userId, ...(keepToken ? { NOT: { idHash: digest(keepToken) } } : {}) } });
}
