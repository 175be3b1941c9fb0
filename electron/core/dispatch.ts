import { AppError, contract, isCoreMethodName, type Envelope } from '../../shared/contract/index.js';
import type { HandlerContext } from './handlers/types.js';
import { toDbError } from './db/open.js';
import type { HandlerTable } from './handlers/types.js';

/**
 * The single entry point for every call from a host: validate input against the contract, run the
 * handler, return one envelope. Nothing thrown escapes.
 */
export async function dispatch(
  table: HandlerTable,
  ctx: HandlerContext,
  name: string,
  raw: unknown,
): Promise<Envelope<unknown>> {
  if (!isCoreMethodName(name)) {
    return fail(new AppError('UNKNOWN_METHOD', `There is no method "${String(name).slice(0, 80)}".`));
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(raw ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
      .join('; ');
    return fail(new AppError('BAD_INPUT', `Invalid input for ${name}: ${detail}`));
  }
  try {
    // The table is indexed by a union of names; TS cannot correlate input and handler types here.
    const handler = table[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) return fail(err);
    const e = err as { code?: unknown };
    if (typeof e?.code === 'string' && (e.code.startsWith('SQLITE_') || e.code === 'ENOSPC'))
      return fail(toDbError(err, ctx.dbFile));
    console.error(`[portdesk] ${name} failed:`, err);
    return fail(new AppError('INTERNAL', `${name} failed unexpectedly: ${(err as Error)?.message ?? String(err)}`));
  }
}

function fail(e: AppError): Envelope<never> {
  return {
    ok: false,
    error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) },
  };
}
