import type { CliCommand } from '../args.js';

/**
 * A `portdesk` sub-command by its words; its module is loaded only when it runs. Loading every
 * command up front made each one pay for all the others at startup (the packet builder's pdf-lib
 * and fonts, the loopback host, the simulator): a third of a second before `cases import` began.
 */
export interface CommandEntry {
  path: readonly string[];
  load(): Promise<CliCommand>;
}

/** Every `portdesk` sub-command. Features register theirs here (one entry each). */
export const COMMANDS: CommandEntry[] = [
  { path: ['serve'], load: async () => (await import('./serve.js')).serve },
  { path: ['sim'], load: async () => (await import('./sim.js')).sim },
  { path: ['cases', 'import'], load: async () => (await import('./cases.js')).casesImport },
  { path: ['cases', 'list'], load: async () => (await import('./cases.js')).casesList },
  { path: ['cases', 'show'], load: async () => (await import('./cases.js')).casesShow },
  { path: ['compare'], load: async () => (await import('./compare.js')).compare },
  { path: ['extract'], load: async () => (await import('./extract.js')).extract },
  { path: ['packet'], load: async () => (await import('./packet.js')).packet },
  { path: ['loa'], load: async () => (await import('./packet.js')).loa },
  { path: ['due'], load: async () => (await import('./due.js')).due },
  { path: ['audit'], load: async () => (await import('./audit.js')).audit },
  { path: ['cases', 'export'], load: async () => (await import('./cases.js')).casesExport },
];
