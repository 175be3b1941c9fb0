import { openCore, type Core } from '../core/index.js';

/**
 * The data folder's core for one command, closed however the command ends: a command that throws
 * must not keep the folder's lock (the app would then refuse to open it).
 */
export async function withCore<T>(dataDir: string | undefined, use: (core: Core) => Promise<T>): Promise<T> {
  const core = openCore({ ...(dataDir === undefined ? {} : { dataDir }), hostKind: 'loopback' });
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}
