/**
 * Checks a username and password. Five failures in a row lock the account for fifteen
 * minutes; the answer for an unknown user takes as long as for a wrong password.
 */
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { toShanghaiIso } from '../calendar/shanghai.js';
import { decoyHash, verifyPassword } from './passwords.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const invalid = () => new ApiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'wrong username or password');

export async function checkLogin(database: Database, username: string, password: string, now = new Date()) {
  const user = await database.user.findUnique({ where: { username } });
  if (!user || !user.active) {
    await verifyPassword(await decoyHash(), password);
    throw invalid();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const until = toShanghaiIso(user.lockedUntil);
    throw new ApiError(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账户锁定至 ${until}`, `too many failed logins; the account is locked until ${until}`, { lockedUntil: until });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failedLogins = user.failedLogins + 1;
    const lock = failedLogins >= MAX_FAILED_LOGINS;
    await database.user.update({
      where: { id: user.id },
      data: { failedLogins: lock ? 0 : failedLogins, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil },
    });
    if (lock) {
      const until = toShanghaiIso(new Date(now.getTime() + LOCK_MINUTES * 60_000));
      throw new ApiError(423, 'ACCOUNT_LOCKED', `连续 ${MAX_FAILED_LOGINS} 次登录失败，账户锁定至 ${until}`, `${MAX_FAILED_LOGINS} failed logins in a row; the account is locked until ${until}`, { lockedUntil: until });
    }
    throw invalid();
  }
  if (user.failedLogins > 0 || user.lockedUntil) await database.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return user;
}
