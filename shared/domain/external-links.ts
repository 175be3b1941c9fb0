/**
 * The only places outside PortDesk it links to, and so the only ones the desktop app will hand to
 * the system browser: the Telnyx portal (porting orders), Telnyx's developer docs (the error pages
 * API answers point to) and Telnyx support. Exact host names over https, nothing else.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'portal.telnyx.com',
  'developers.telnyx.com',
  'support.telnyx.com',
];

/** True only for https://<listed host>/… with no credentials and no unusual port. */
export function isAllowedExternalLink(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    u.port === '' &&
    EXTERNAL_LINK_HOSTS.includes(u.hostname)
  );
}
