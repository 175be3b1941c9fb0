import { z } from 'zod';

/** Every failure a caller can see. The message is for a person; the code is for code. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'BLOCKED',
  'UNSUPPORTED_FILE',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'DB_CORRUPT',
  'DB_LOCKED',
  'DB_TOO_NEW',
  'DISK_FULL',
  'API_ERROR',
  'API_AUTH',
  'API_UNREACHABLE',
  'CANCELLED',
  'INTERNAL',
  // the data folder: owned by another running PortDesk, not usable, or its PIN key unreadable
  'ALREADY_RUNNING',
  'DATA_DIR_UNUSABLE',
  'SECRET_UNREADABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const RpcError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type RpcError = z.infer<typeof RpcError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RpcError }),
]);

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the README / devtools: what the method does. */
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> {
  return { input, output, summary };
}

/** Thrown anywhere in the core; dispatch turns it into the error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
