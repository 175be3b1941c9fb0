import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/contract/rpc.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A `portdesk` sub-command. `run` returns the process exit code. */
export interface CliCommand {
  /** words after `portdesk`, e.g. ['cases', 'list'] */
  path: string[];
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** node:util parseArgs with errors that name the usage. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new AppError('BAD_INPUT', `${(err as Error).message.replace(/\. To specify.*$/, '')}\nusage: ${usage}`);
  }
}

export const dataDirOption = { 'data-dir': { type: 'string' } } as const;
export const jsonOption = { json: { type: 'boolean', default: false } } as const;
