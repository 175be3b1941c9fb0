import fs from 'node:fs';
import { AppError } from '../../../shared/contract/rpc.js';
import { CASE_STATUSES, serviceAddressJson, type CaseRecord } from '../../../shared/domain/case.js';
import { decodeCsvBytes } from '../../core/cases/csv.js';
import { withCore } from '../core.js';
import { dataDirOption, jsonOption, parse, type CliCommand } from '../args.js';
import { terminalSafe, terminalSafeJson } from '../terminal.js';

function caseJson(c: CaseRecord) {
  return {
    id: c.id,
    status: c.status,
    entity_name: c.entity_name,
    authorized_person: c.authorized_person,
    btn: c.btn,
    account_number: c.account_number,
    pin_set: c.pin_set,
    service_address: serviceAddressJson(c),
    losing_carrier: c.losing_carrier,
    underlying_carrier: c.underlying_carrier,
    customer_reference: c.customer_reference,
    foc_date: c.foc_date,
    numbers: c.numbers.filter((n) => n.e164).map((n) => n.e164 as string),
    invalid_numbers: c.numbers.filter((n) => !n.e164).map((n) => ({ raw: n.raw, error: n.error })),
    next_action: c.next_action,
    version: c.version,
    created_at: c.created_at,
    updated_at: c.updated_at,
    notes: c.notes,
  };
}

export const casesImport: CliCommand = {
  path: ['cases', 'import'],
  summary: 'Import cases from a CSV file (one transaction; rejected rows reported).',
  usage: 'portdesk cases import FILE.csv [--data-dir D] [--json]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { ...dataDirOption, ...jsonOption }, this.usage);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new AppError('BAD_INPUT', `give one CSV file\nusage: ${this.usage}`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      throw new AppError(
        'FILE_UNREADABLE',
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    return withCore(values['data-dir'], async (core) => {
      const report = await core.call('cases.importCsv', {
        csv: decodeCsvBytes(bytes),
        fileName: file.split(/[\\/]/).pop(),
      });
      if (values.json) io.out(terminalSafeJson(report));
      else {
        io.out(
          `Imported ${report.imported} case(s)${report.ids.length ? ` (ids ${report.ids[0]}–${report.ids.at(-1)})` : ''}.`,
        );
        for (const r of report.rejected) io.out(`  row ${r.row} rejected: ${terminalSafe(r.reason)}`);
        for (const w of report.warnings) io.out(`  row ${w.row}: ${terminalSafe(w.message)}`);
        for (const d of report.duplicates ?? [])
          io.out(`  row ${d.row} already in the queue, not imported: ${terminalSafe(d.reason)}`);
      }
      return report.rejected.length && report.imported === 0 ? 1 : 0;
    });
  },
};

export const casesList: CliCommand = {
  path: ['cases', 'list'],
  summary: 'List cases, optionally by status or a search term.',
  usage: 'portdesk cases list [--status S] [--search TEXT] [--limit N] [--data-dir D] [--json]',
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        ...dataDirOption,
        ...jsonOption,
        status: { type: 'string', multiple: true },
        search: { type: 'string' },
        carrier: { type: 'string' },
        limit: { type: 'string' },
      },
      this.usage,
      false,
    );
    const statuses = (values.status ?? []).flatMap((s) => s.split(','));
    const bad = statuses.filter((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (bad.length)
      throw new AppError('BAD_INPUT', `unknown status ${bad.join(', ')}; use one of ${CASE_STATUSES.join(', ')}`);
    const limit = values.limit ? Number(values.limit) : 500;
    return withCore(values['data-dir'], async (core) => {
      const page = await core.call('cases.list', {
        status: statuses.length ? (statuses as (typeof CASE_STATUSES)[number][]) : undefined,
        search: values.search,
        carrier: values.carrier,
        limit,
        sort: 'age',
        direction: 'desc', // oldest first, like the queue
      });
      const full = await Promise.all(page.rows.map((r) => core.call('cases.get', { id: r.id })));
      if (values.json) io.out(terminalSafeJson(full.map(caseJson)));
      else {
        io.out(`${page.total} case(s)${page.total > page.rows.length ? `, showing ${page.rows.length}` : ''}`);
        for (const c of full)
          io.out(
            `${String(c.id).padStart(6)}  ${c.status.padEnd(13)} ${terminalSafe(c.entity_name).slice(0, 40).padEnd(40)} ${terminalSafe(c.losing_carrier).slice(0, 18).padEnd(18)} ${c.numbers.length} number(s)`,
          );
      }
      return 0;
    });
  },
};

export const casesShow: CliCommand = {
  path: ['cases', 'show'],
  summary: 'Show one case with its numbers (PIN never printed).',
  usage: 'portdesk cases show ID [--data-dir D] [--json]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { ...dataDirOption, ...jsonOption }, this.usage);
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id <= 0) throw new AppError('BAD_INPUT', `give a case id\nusage: ${this.usage}`);
    return withCore(values['data-dir'], async (core) => {
      const c = caseJson(await core.call('cases.get', { id }));
      if (values.json) io.out(terminalSafeJson(c));
      else
        for (const [k, v] of Object.entries(c))
          io.out(`${k.padEnd(20)} ${typeof v === 'object' ? terminalSafeJson(v) : terminalSafe(String(v ?? ''))}`);
      return 0;
    });
  },
};

export const casesExport: CliCommand = {
  path: ['cases', 'export'],
  summary: "Write the queue as CSV: the import's columns plus status, order ids and FOC (formula-safe, no PINs).",
  usage: 'portdesk cases export --out FILE.csv [--data-dir D]',
  async run(argv, io) {
    const { values } = parse(argv, { ...dataDirOption, out: { type: 'string' } }, this.usage, false);
    const out = values.out;
    if (!out) throw new AppError('BAD_INPUT', `give the file to write with --out FILE.csv\nusage: ${this.usage}`);
    const result = await withCore(values['data-dir'], (core) => core.call('cases.exportCsv', {}));
    try {
      fs.writeFileSync(out, result.csv, { mode: 0o600 });
    } catch (err) {
      throw new AppError(
        'FILE_UNREADABLE',
        `cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; choose a writable path`,
      );
    }
    io.out(`Wrote ${result.rows} case(s) to ${out}.`);
    return 0;
  },
};
