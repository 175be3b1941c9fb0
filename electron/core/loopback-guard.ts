import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The checks every local HTTP server of PortDesk (the loopback host, the porting simulator) makes
 * before it reads a request: only its own loopback authority (DNS rebinding), no other web origin,
 * secrets compared in constant time. Kept in the core because the simulator lives there.
 */

/** Per-launch secrets: never persisted, never logged. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Constant time in the secret's content (the length of a random secret is not a secret). */
export function safeEqual(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b) && given.length === expected.length;
}

/** The bearer token of an Authorization header, or null. */
export function bearerOf(req: IncomingMessage): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
}

/** DNS rebinding defence: only our own loopback authority is accepted. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A browser on another site must not drive the server. Non-browser clients send no Origin; a page
 * from another origin (or another port) always does, and Chromium adds Sec-Fetch-Site.
 */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
    return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** decodeURIComponent that reports malformed escapes (%E0%A4%A) as null instead of throwing. */
export function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
