import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import type { ExportResult } from '../../../shared/contract/export.js';
import { copyExport } from '../../core/export/index.js';
import { withCore } from '../core.js';
import { dataDirOption, jsonOption, parse, type CliCommand, type CliIo } from '../args.js';

function caseIdArg(positionals: string[], usage: string): number {
  const raw = positionals[0];
  if (!raw || positionals.length > 1) throw new AppError('BAD_INPUT', `give one case id\nusage: ${usage}`);
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1)
    throw new AppError('BAD_INPUT', `"${raw}" is not a case id (a positive whole number)\nusage: ${usage}`);
  return id;
}

function outDir(raw: string | undefined, usage: string): string {
  if (!raw)
    throw new AppError('BAD_INPUT', `--out DIR is required: the folder the files are written to\nusage: ${usage}`);
  const dir = path.resolve(raw);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new AppError('BAD_INPUT', `--out ${raw} is a file, not a folder`);
  return dir;
}

function signatureArg(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file).toString('base64');
  } catch (err) {
    throw new AppError(
      'FILE_UNREADABLE',
      `cannot read --signature ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

function report(io: CliIo, json: boolean, res: ExportResult, written: string[]): void {
  if (json) {
    io.out(JSON.stringify({ ...res, written }));
    return;
  }
  io.out(
    `${res.kind === 'packet' ? 'Packet' : 'LOA'} for case ${res.caseId}: ${res.pages} PDF page(s), ${res.rejections} rejection code(s), ${res.corrections} correction(s)${res.signed ? ', signed in PortDesk' : ''}; PIN ${res.pinIncluded ? 'included' : res.pinOnLoa ? 'on the LOA only (carrier requires it)' : 'redacted'}.`,
  );
  for (const w of written) io.out(`  ${w}`);
}

const common = {
  ...dataDirOption,
  ...jsonOption,
  out: { type: 'string' },
  'include-pin': { type: 'boolean', default: false },
  signature: { type: 'string' },
  'gaining-carrier': { type: 'string' },
} as const;

export const packet: CliCommand = {
  path: ['packet'],
  summary: 'Build the resubmission packet of a case (PDF + ZIP with originals and JSON summary) into a folder.',
  usage:
    'portdesk packet CASE_ID --out DIR [--include-pin] [--rejection CODE[:description]…] [--signature FILE.png] [--gaining-carrier NAME] [--data-dir D] [--json]',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { ...common, rejection: { type: 'string', multiple: true } },
      this.usage,
    );
    const caseId = caseIdArg(positionals, this.usage);
    const out = outDir(values.out, this.usage);
    const reportedRejections = (values.rejection ?? []).map((r) => {
      const [code = '', ...rest] = r.split(':');
      return { code: code.trim(), ...(rest.length ? { description: rest.join(':').trim() } : {}) };
    });
    return withCore(values['data-dir'], async (core) => {
      const res = await core.call('export.packet', {
        caseId,
        includePin: values['include-pin'],
        reportedRejections,
        signaturePng: signatureArg(values.signature),
        gainingCarrier: values['gaining-carrier'],
      });
      report(io, values.json, res, copyExport(core.ctx, res.exportId, out));
      return 0;
    });
  },
};

export const loa: CliCommand = {
  path: ['loa'],
  summary: 'Build an LOA for a case, pre-filled from its documents and data, for the customer to sign.',
  usage:
    'portdesk loa CASE_ID --out DIR [--include-pin] [--signature FILE.png] [--gaining-carrier NAME] [--data-dir D] [--json]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, common, this.usage);
    const caseId = caseIdArg(positionals, this.usage);
    const out = outDir(values.out, this.usage);
    return withCore(values['data-dir'], async (core) => {
      const res = await core.call('export.loa', {
        caseId,
        includePin: values['include-pin'],
        signaturePng: signatureArg(values.signature),
        gainingCarrier: values['gaining-carrier'],
      });
      report(io, values.json, res, copyExport(core.ctx, res.exportId, out));
      return 0;
    });
  },
};
