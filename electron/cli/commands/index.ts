import type { CliCommand } from '../args.js';
import { audit } from './audit.js';
import { casesExport, casesImport, casesList, casesShow } from './cases.js';
import { compare } from './compare.js';
import { due } from './due.js';
import { extract } from './extract.js';
import { loa, packet } from './packet.js';
import { serve } from './serve.js';
import { sim } from './sim.js';

/** Every `portdesk` sub-command. Features register theirs here (one import, one entry). */
export const COMMANDS: CliCommand[] = [
  serve,
  sim,
  casesImport,
  casesList,
  casesShow,
  compare,
  extract,
  packet,
  loa,
  due,
  audit,
  casesExport,
];
