import fs from 'node:fs/promises';
import { AppError } from '../../../shared/contract/rpc.js';
import { DOCUMENT_KINDS, type DocumentKind, type ExtractedFields } from '../../../shared/domain/document.js';
import { extractFromFile, type FileExtraction } from '../../core/extract/index.js';
import { jsonOption, parse, type CliCommand } from '../args.js';

const KINDS = DOCUMENT_KINDS.filter((k) => k !== 'other');

function describe(fields: ExtractedFields, showPin: boolean): string[] {
  const out: string[] = [];
  for (const [name, f] of Object.entries(fields)) {
    if (!f) continue;
    let v: string;
    if (name === 'pin' && !showPin) v = '•'.repeat(String(f.value).length) + '  (--show-pin to print it)';
    else if (Array.isArray(f.value)) v = f.value.join(', ');
    else if (f.value && typeof f.value === 'object') v = Object.values(f.value).filter(Boolean).join(' | ');
    else v = String(f.value);
    out.push(`  ${name.padEnd(20)} ${v}   (${Math.round(f.confidence * 100)}%${f.page ? `, p${f.page}` : ''})`);
  }
  return out;
}

/**
 * `portdesk extract FILE... [--type loa|invoice|csr] [--json]`. With --json one object for one file,
 * an array (in the order given) for several. Files are read concurrently through one shared OCR
 * worker pool; a file that cannot be read stops the command with a one-line message naming it.
 */
export const extract: CliCommand = {
  path: ['extract'],
  summary: 'Read LOAs, invoices and CSRs and print the fields found, with page and box evidence.',
  usage: 'portdesk extract FILE... [--type loa|invoice|csr] [--json] [--show-pin]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { ...jsonOption, type: { type: 'string' }, 'show-pin': { type: 'boolean', default: false } }, this.usage);
    if (!positionals.length) throw new AppError('BAD_INPUT', `give at least one file\nusage: ${this.usage}`);
    const type = values.type;
    if (type !== undefined && !(KINDS as readonly string[]).includes(type)) {
      throw new AppError('BAD_INPUT', `unknown --type ${type}; use one of ${KINDS.join(', ')}`);
    }
    // check every file before any work starts, so a typo fails fast
    for (const file of positionals) {
      try {
        const st = await fs.stat(file);
        if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        await fs.access(file, fs.constants.R_OK);
      } catch (err) {
        throw new AppError('FILE_UNREADABLE', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    }
    const { createOcrPool } = await import('../../core/ocr/pool.js');
    const pool = createOcrPool();
    const results: FileExtraction[] = new Array(positionals.length);
    try {
      const queue = positionals.map((file, i) => ({ file, i }));
      const lane = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          try {
            results[job.i] = await extractFromFile(job.file, { ...(type ? { type: type as DocumentKind } : {}), pool });
          } catch (err) {
            queue.length = 0;
            const msg = err instanceof AppError ? err.message : (err as Error).message;
            throw new AppError(err instanceof AppError ? err.code : 'FILE_UNREADABLE', msg.includes(job.file) ? msg : `${job.file}: ${msg}`);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(positionals.length, Math.max(1, pool.size)) }, lane));
    } finally {
      await pool.close();
    }
    if (values.json) {
      io.out(JSON.stringify(results.length === 1 ? results[0] : results));
    } else {
      for (const r of results) {
        io.out(`${r.file}: ${r.type}, ${r.pages} page(s) (${r.page_methods.join(', ')})`);
        for (const line of describe(r.fields, values['show-pin'])) io.out(line);
      }
    }
    return 0;
  },
};
