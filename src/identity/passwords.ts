/** Password hashing (argon2id) and the password rule users must meet. */
import argon2 from 'argon2';
import { z } from 'zod';

export const passwordSchema = z
  .string()
  .min(10, '密码至少 10 位 / a password needs at least 10 characters')
  .max(200, '密码过长 / the password is too long')
  .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), '密码须同时包含字母和数字 / a password needs letters and digits');

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when a user does not exist keeps the timing the same. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-that-matches-nothing-1');
  return decoy;
}
