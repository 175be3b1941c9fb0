import { DUE_KIND_LABEL } from '../../../shared/contract/due.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { isDay } from '../../core/due/days.js';
import { withCore } from '../core.js';
import { dataDirOption, jsonOption, parse, type CliCommand } from '../args.js';
import { terminalSafe, terminalSafeJson } from '../terminal.js';

export const due: CliCommand = {
  path: ['due'],
  summary: 'What is due: FOCs, LOAs/invoices near their age limit, stalled orders, checks (same list as the Due view).',
  usage: 'portdesk due [--as-of YYYY-MM-DD] [--data-dir D] [--json]',
  async run(argv, io) {
    const { values } = parse(argv, { ...dataDirOption, ...jsonOption, 'as-of': { type: 'string' } }, this.usage, false);
    const asOf = values['as-of'];
    if (asOf !== undefined && !isDay(asOf))
      throw new AppError('BAD_INPUT', `--as-of takes a date as YYYY-MM-DD, not "${asOf}"\nusage: ${this.usage}`);
    return withCore(values['data-dir'], async (core) => {
      const list = await core.call('due.list', asOf ? { asOf } : {});
      if (values.json) {
        // notification bookkeeping is the app's, not the reader's
        io.out(terminalSafeJson({ ...list, items: list.items.map(({ notified: _n, ...item }) => item) }));
        return 0;
      }
      io.out(`${list.items.length} item(s) due as of ${list.as_of}`);
      for (const i of list.items) {
        const tag = `[${i.urgency}]`.padEnd(10);
        io.out(
          `${tag}${DUE_KIND_LABEL[i.kind].padEnd(12)} case ${String(i.case_id).padEnd(6)} ${terminalSafe(i.entity_name).slice(0, 32).padEnd(32)} ${terminalSafe(i.title)}`,
        );
        io.out(`${' '.repeat(22)}${terminalSafe(i.detail)}`);
      }
      return 0;
    });
  },
};
