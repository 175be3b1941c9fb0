/** See browser-launcher.mjs. */
export function writeLauncherPage(signInUrl: string): { dir: string; url: string };
