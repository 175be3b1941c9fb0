import type { z } from 'zod';
import { appContract } from './app.js';
import { auditContract } from './audit.js';
import { casesContract } from './cases.js';
import { channelContract } from './channel.js';
import { csrContract } from './csr.js';
import { documentsContract } from './documents.js';
import { dueContract } from './due.js';
import { exportContract } from './export.js';
import { portingContract } from './porting.js';
import { reviewContract } from './review.js';
import { settingsContract } from './settings.js';
import { simulatorContract } from './simulator.js';

export * from './rpc.js';
export * from './events.js';
export * from './app.js';
export * from './audit.js';
export * from './cases.js';
export * from './channel.js';
export * from './csr.js';
export * from './documents.js';
export * from './due.js';
export * from './export.js';
export * from './porting.js';
export * from './review.js';
export * from './settings.js';
export * from './simulator.js';

/**
 * The one contract of the core: every method the renderer, the CLI or a test can call, with its
 * schemas. Each feature declares its part in its own file; they meet only here.
 */
export const contract = {
  ...appContract,
  ...auditContract,
  ...casesContract,
  ...channelContract,
  ...csrContract,
  ...documentsContract,
  ...dueContract,
  ...exportContract,
  ...portingContract,
  ...reviewContract,
  ...settingsContract,
} as const;

/**
 * What a host answers: the core's contract plus the controls of the porting simulator it started
 * (answered by the host itself, never by the core).
 */
export const hostContract = { ...contract, ...simulatorContract } as const;

export type Contract = typeof contract;
export type HostContract = typeof hostContract;
/** a method the core answers */
export type CoreMethodName = keyof Contract;
/** a method a host answers (the renderer calls these) */
export type MethodName = keyof HostContract;
export type SimulatorMethodName = keyof typeof simulatorContract;
export type MethodInput<M extends MethodName> = z.input<HostContract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<HostContract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<HostContract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(hostContract, name);
}

export function isCoreMethodName(name: string): name is CoreMethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function isSimulatorMethodName(name: string): name is SimulatorMethodName {
  return Object.prototype.hasOwnProperty.call(simulatorContract, name);
}
