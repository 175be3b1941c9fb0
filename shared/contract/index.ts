import type { z } from 'zod';
import { appContract } from './app.js';
import { casesContract } from './cases.js';
import { documentsContract } from './documents.js';
import { exportContract } from './export.js';
import { portingContract } from './porting.js';
import { reviewContract } from './review.js';

export * from './rpc.js';
export * from './events.js';
export * from './app.js';
export * from './cases.js';
export * from './documents.js';
export * from './export.js';
export * from './porting.js';
export * from './review.js';

/**
 * The one contract: every method the renderer, the CLI or a test can call, with its schemas.
 * Each feature declares its part in its own file; they meet only here.
 */
export const contract = {
  ...appContract,
  ...casesContract,
  ...documentsContract,
  ...exportContract,
  ...portingContract,
  ...reviewContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
