import type { appContract } from '../../../shared/contract/app.js';
import { schemaVersion } from '../db/open.js';
import type { CoreContext } from '../context.js';
import type { HandlersFor } from './types.js';
import pkg from '../../../package.json' with { type: 'json' };

function info(ctx: CoreContext) {
  return {
    version: pkg.version,
    host: ctx.hostKind,
    dataDir: ctx.dataDir,
    actor: ctx.actor(),
    schemaVersion: schemaVersion(ctx.db),
  };
}

export const appHandlers = {
  'app.info': async (_input, ctx) => info(ctx),
  'app.setActor': async ({ actor }, ctx) => {
    ctx.setActor(actor);
    return info(ctx);
  },
} satisfies HandlersFor<keyof typeof appContract>;
