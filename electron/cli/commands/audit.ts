import { AppError } from '../../../shared/contract/rpc.js';
import { withCore } from '../core.js';
import { dataDirOption, jsonOption, parse, type CliCommand } from '../args.js';
import { terminalSafe, terminalSafeJson } from '../terminal.js';

export const audit: CliCommand = {
  path: ['audit'],
  summary: 'Every change and every API call, newest first (never a secret).',
  usage: 'portdesk audit [--case ID] [--limit N] [--data-dir D] [--json]',
  async run(argv, io) {
    const { values } = parse(
      argv,
      { ...dataDirOption, ...jsonOption, case: { type: 'string' }, limit: { type: 'string' } },
      this.usage,
      false,
    );
    const caseId = values.case === undefined ? undefined : Number(values.case);
    if (caseId !== undefined && (!Number.isInteger(caseId) || caseId <= 0))
      throw new AppError('BAD_INPUT', `--case takes a case id (a positive whole number)\nusage: ${this.usage}`);
    const limit = values.limit === undefined ? 100_000 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new AppError('BAD_INPUT', `--limit takes a number from 1 to 100000\nusage: ${this.usage}`);
    return withCore(values['data-dir'], async (core) => {
      if (caseId !== undefined) await core.call('cases.get', { id: caseId }); // NOT_FOUND names the id
      const { total, entries } = await core.call('audit.list', { caseId, limit });
      if (values.json) io.out(terminalSafeJson(entries));
      else {
        io.out(
          `${total} entr${total === 1 ? 'y' : 'ies'}${total > entries.length ? `, showing ${entries.length}` : ''}`,
        );
        for (const e of entries)
          io.out(
            `${e.at}  ${e.kind.padEnd(8)} ${e.case_id === null ? '-'.padEnd(6) : String(e.case_id).padEnd(6)} ${terminalSafe(e.actor).slice(0, 16).padEnd(16)} ${terminalSafe(e.action)}${e.detail ? `  ${terminalSafe(e.detail)}` : ''}`,
          );
      }
      return 0;
    });
  },
};
