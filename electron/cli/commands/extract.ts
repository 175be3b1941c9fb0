import fs from 'node:fs/promises';
import { AppError } from '../../../shared/contract/rpc.js';
import {
  DOCUMENT_KINDS,
  SECRET_FIELD_NAMES,
  type DocumentKind,
  type ExtractedFields,
} from '../../../shared/domain/document.js';
import { maskSecretExtractedFields } from '../../core/documents/secret-view.js';
import { extractFromFile, type FileExtraction } from '../../core/extract/index.js';
import type { OcrPool } from '../../core/ocr/types.js';
import { jsonOption, parse, type CliCommand } from '../args.js';
import { terminalSafe, terminalSafeJson } from '../terminal.js';

const KINDS = DOCUMENT_KINDS.filter((k) => k !== 'other');

function describe(fields: ExtractedFields, revealPin: boolean): string[] {
  const out: string[] = [];
  for (const [name, f] of Object.entries(fields)) {
    if (!f) continue;
    let v: string;
    if (SECRET_FIELD_NAMES.has(name) && !revealPin) v = '•••• (masked; --reveal-pin to print it)';
    else if (Array.isArray(f.value)) v = f.value.join(', ');
    else if (f.value && typeof f.value === 'object') v = Object.values(f.value).filter(Boolean).join(' | ');
    else v = String(f.value);
    out.push(`  ${name.padEnd(20)} ${v}   (${Math.round(f.confidence * 100)}%${f.page ? `, p${f.page}` : ''})`);
  }
  return out;
}

/** What one file gave: its fields, or why it could not be read. */
type FileOutcome = FileExtraction | { file: string; error: { code: string; message: string } };

function failure(file: string, err: unknown): FileOutcome {
  const code = err instanceof AppError ? err.code : 'FILE_UNREADABLE';
  const msg = err instanceof AppError ? err.message : ((err as Error)?.message ?? String(err));
  return { file, error: { code, message: msg.includes(file) ? msg : `${file}: ${msg}` } };
}

async function checkReadable(file: string): Promise<FileOutcome | null> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    await fs.access(file, fs.constants.R_OK);
    return null;
  } catch (err) {
    return failure(
      file,
      new AppError(
        'FILE_UNREADABLE',
        `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      ),
    );
  }
}

/**
 * `portdesk extract FILE... [--type loa|invoice|csr] [--json]`. With --json one object for one file,
 * an array (in the order given) for several. Files are read concurrently through one shared OCR
 * worker pool. Each file gets its own result or its own `{file, error:{code,message}}`: a bad file
 * never hides the others; the exit status is 1 when any file failed. A PIN is printed masked
 * (`{"masked": true}` with its page and box) unless --reveal-pin is given.
 */
export const extract: CliCommand = {
  path: ['extract'],
  summary: 'Read LOAs, invoices and CSRs and print the fields found, with page and box evidence.',
  usage: 'portdesk extract FILE... [--type loa|invoice|csr] [--json] [--reveal-pin]',
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { ...jsonOption, type: { type: 'string' }, 'reveal-pin': { type: 'boolean', default: false } },
      this.usage,
    );
    const revealPin = values['reveal-pin'];
    if (!positionals.length) throw new AppError('BAD_INPUT', `give at least one file\nusage: ${this.usage}`);
    const type = values.type;
    if (type !== undefined && !(KINDS as readonly string[]).includes(type)) {
      throw new AppError('BAD_INPUT', `unknown --type ${type}; use one of ${KINDS.join(', ')}`);
    }
    const results: FileOutcome[] = new Array(positionals.length);
    // a missing file is reported before any OCR starts, without stopping the others
    const queue: { file: string; i: number }[] = [];
    for (const [i, file] of positionals.entries()) {
      const refused = await checkReadable(file);
      if (refused) results[i] = refused;
      else queue.push({ file, i });
    }
    if (queue.length) {
      const { createOcrPool } = await import('../../core/ocr/pool.js');
      const pool = createOcrPool();
      try {
        const lane = async () => {
          for (let job = queue.shift(); job; job = queue.shift()) {
            try {
              results[job.i] = await extractFromFile(job.file, { type: type as DocumentKind | undefined, pool });
            } catch (err) {
              results[job.i] = failure(job.file, err);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(queue.length, Math.max(1, pool.size)) }, lane));
      } finally {
        await pool.close();
      }
    }
    if (values.json) {
      const shown = revealPin
        ? results
        : results.map((r) => ('error' in r ? r : { ...r, fields: maskSecretExtractedFields(r.fields) }));
      io.out(terminalSafeJson(shown.length === 1 ? shown[0] : shown));
    } else {
      for (const r of results) {
        if ('error' in r) {
          io.err(`portdesk: ${terminalSafe(r.error.message)}`);
          continue;
        }
        io.out(`${terminalSafe(r.file)}: ${r.type}, ${r.pages} page(s) (${r.page_methods.join(', ')})`);
        for (const p of r.partial_pages ?? []) io.out(`  PARTIAL page ${p.page}: ${p.reason}`);
        for (const line of describe(r.fields, revealPin)) io.out(terminalSafe(line));
      }
    }
    return results.some((r) => 'error' in r) ? 1 : 0;
  },
};
