/**
 * Open the loopback host's one-time sign-in link like a browser does and return the session cookie
 * ("name=value") for later requests. The link works once: a second call with it fails.
 */
export async function signIn(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 200 || !setCookie)
    throw new Error(`signing in at ${new URL(link).origin}/auth answered ${res.status}`);
  return setCookie.split(';')[0]!;
}
