import type { CliCommand } from '../args.js';
import { casesImport, casesList, casesShow } from './cases.js';
import { serve } from './serve.js';

/** Every `portdesk` sub-command. Features register theirs here (one import, one entry). */
export const COMMANDS: CliCommand[] = [
  serve,
  casesImport,
  casesList,
  casesShow,
];
