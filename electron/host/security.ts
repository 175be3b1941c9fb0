import type { IncomingMessage } from 'node:http';

export { bearerOf, decodePathPart, hostAllowed, newSecret, originAllowed, safeEqual } from '../core/loopback-guard.js';

export { CSP, SECURITY_HEADERS } from '../../shared/security/headers.js';

export function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
