import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** Passwords are stored as argon2id hashes (the library's default type, with its default cost). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

// Verified against when an email is unknown, so a wrong email costs as much time as a wrong password.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));
export async function spendPasswordCheck(password: string): Promise<void> {
  await argon2.verify(await decoyHash, password);
}

/** A random token for a cookie or an API key. Only its sha256 is stored: it has 256 bits of entropy. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
