import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentField, DocumentStatus, DocumentSummary } from '../../../shared/contract/documents.js';
import { AppError } from '../../../shared/contract/rpc.js';
import {
  SECRET_FIELD_NAMES as SECRET_FIELDS,
  type BBox,
  CandidateWhy,
  FIELD_NAMES,
  fieldCandidatesSchema,
  type DocumentKind,
  type ExtractedFields,
  type FieldCandidate,
  type FieldName,
  type PageText,
} from '../../../shared/domain/document.js';
import { cipherOf, type Db } from '../db/open.js';
import { FieldCipher } from '../db/secret-fields.js';
import { hideSecretWords, type SecretSpot, secretSpelling } from './secret-view.js';

/**
 * Content-addressed file store: `<dataDir>/documents/<sha[0:2]>/<sha>`. A file is written to a
 * temporary name, fsynced and renamed into place, so a crash leaves either no file or a whole one;
 * once there it is never modified, and the same bytes attached twice are stored once.
 */
export class FileStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('BAD_INPUT', 'Not a document hash.');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (fs.existsSync(target) && fs.statSync(target).size === bytes.byteLength) return sha256;
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 }); // the documents are customers' bills and LOAs
    const tmp = path.join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
      syncDir(dir);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') {
        throw new AppError(
          'DISK_FULL',
          `The disk holding ${this.root} is full. Free some space and attach the file again; nothing was saved.`,
        );
      }
      throw err;
    }
    return sha256;
  }

  /** The bytes, checked against their name: a damaged copy is reported, never read as if fine. */
  get(sha256: string): Uint8Array {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError(
          'NOT_FOUND',
          `The stored copy of this document is missing from ${this.root}. Attach the file again.`,
        );
      }
      throw err;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new AppError(
        'FILE_UNREADABLE',
        `The stored copy of this document in ${this.root} is damaged. Attach the file again.`,
      );
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some filesystems (and Windows) cannot fsync a directory; the rename is still atomic
  }
}

interface DocumentRow {
  id: number;
  case_id: number;
  sha256: string;
  original_name: string;
  mime: string;
  size: number;
  kind: DocumentKind;
  kind_source: 'auto' | 'user';
  kind_confidence: number | null;
  pages: number | null;
  status: DocumentStatus;
  error: string | null;
  error_code: string | null;
  partial_pages: string | null;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
  superseded_by: number | null;
  job_id: number | null;
  job_state: JobRow['state'] | null;
  job_attempts: number | null;
  job_progress: number | null;
  job_page: number | null;
  job_pages: number | null;
}

export interface JobRow {
  id: number;
  document_id: number;
  case_id: number;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  attempts: number;
}

interface FieldRow {
  field: string;
  source: 'extracted' | 'entered';
  value: string;
  confidence: number;
  page: number | null;
  bbox: string | null;
  actor: string;
  at: string;
  candidates: string | null;
}

const SELECT_DOC = `SELECT d.*, j.id AS job_id, j.state AS job_state, j.attempts AS job_attempts, j.progress AS job_progress,
  j.page AS job_page, j.pages AS job_pages FROM documents d LEFT JOIN jobs j ON j.document_id = d.id`;

/**
 * The words column holds the page's words as a JSON array, or {words, marks, orientation, moved} when
 * the page has drawn marks, was scanned sideways/upside down or had words moved to be read (combs):
 * pages stored before any existed read back unchanged, and no migration is needed.
 */
function encodeDrawing(p: PageText): string {
  if (!p.marks?.length && !p.orientation && !p.moved?.length) return JSON.stringify(p.words);
  return JSON.stringify({
    words: p.words,
    ...(p.marks?.length ? { marks: p.marks } : {}),
    ...(p.orientation ? { orientation: p.orientation } : {}),
    ...(p.moved?.length ? { moved: p.moved } : {}),
  });
}
function decodeDrawing(
  column: string,
  cipher: FieldCipher,
): Pick<PageText, 'words' | 'marks' | 'orientation' | 'moved'> {
  const v = JSON.parse(column) as
    | PageText['words']
    | { words: PageText['words']; marks?: BBox[]; orientation?: PageText['orientation']; moved?: PageText['moved'] };
  const { words, marks, orientation, moved } = Array.isArray(v)
    ? { words: v, marks: undefined, orientation: undefined, moved: undefined }
    : v;
  // words of a secret (the PIN) are stored sealed, like the field itself
  for (const w of words) if (FieldCipher.isSealed(w.text)) w.text = cipher.open(w.text);
  return { words, ...(marks ? { marks } : {}), ...(orientation ? { orientation } : {}), ...(moved ? { moved } : {}) };
}

/** Every spelling of a secret the extractor read (its value and its candidates), letters and digits only. */
function secretTexts(fields: ExtractedFields): Set<string> {
  const out = new Set<string>();
  for (const [field, fv] of Object.entries(fields)) {
    if (!fv || !SECRET_FIELDS.has(field)) continue;
    for (const v of [fv.value, ...(fv.candidates ?? []).map((c) => c.value)])
      if (typeof v === 'string' && secretSpelling(v)) out.add(secretSpelling(v));
  }
  return out;
}

/** A file to store for a case: what create and createRead are given. */
interface NewDocument {
  caseId: number;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  pages: number | null;
}

/** Documents, pages, fields and reading jobs in SQLite. Synchronous: callers are already off the hot path. */
export class DocumentRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  private toSummary(r: DocumentRow): DocumentSummary {
    return {
      id: r.id,
      caseId: r.case_id,
      name: r.original_name,
      mime: r.mime,
      size: r.size,
      sha256: r.sha256,
      kind: r.kind,
      kindSource: r.kind_source,
      kindConfidence: r.kind_confidence,
      pages: r.pages,
      status: r.status,
      error: r.error,
      errorCode: r.error_code,
      partialPages: r.partial_pages ? (JSON.parse(r.partial_pages) as DocumentSummary['partialPages']) : [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      removedAt: r.removed_at,
      supersededBy: r.superseded_by,
      job:
        r.job_id === null
          ? null
          : {
              id: r.job_id,
              state: r.job_state!,
              attempts: r.job_attempts ?? 0,
              progress: r.job_progress ?? 0,
              page: r.job_page ?? 0,
              pages: r.job_pages ?? 0,
            },
    };
  }

  get(id: number): DocumentSummary {
    const row = this.db.prepare(`${SELECT_DOC} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `There is no document ${id}; it may have been removed with its case.`);
    return this.toSummary(row);
  }

  /**
   * The documents in force on a case, oldest first: what the review, exports and orders read. A
   * removed document and one superseded by a newer copy are left out.
   */
  list(caseId: number): DocumentSummary[] {
    return (
      this.db
        .prepare(`${SELECT_DOC} WHERE d.case_id = ? AND d.removed_at IS NULL AND d.superseded_by IS NULL ORDER BY d.id`)
        .all(caseId) as DocumentRow[]
    ).map((r) => this.toSummary(r));
  }

  /** The Documents tab's list: in force and superseded (shown as such), not removed. */
  listAttached(caseId: number): DocumentSummary[] {
    return (
      this.db
        .prepare(`${SELECT_DOC} WHERE d.case_id = ? AND d.removed_at IS NULL ORDER BY d.id`)
        .all(caseId) as DocumentRow[]
    ).map((r) => this.toSummary(r));
  }

  /** Remove (removed = true) or put back a document; nothing else about it changes, so undo is exact. */
  setRemoved(id: number, removed: boolean): void {
    const at = this.stamp();
    this.db
      .prepare('UPDATE documents SET removed_at = ?, updated_at = ? WHERE id = ?')
      .run(removed ? at : null, at, id);
  }

  /** `id` is replaced by the newer copy `by`: kept, marked superseded, out of the review. */
  supersede(id: number, by: number): void {
    this.db.prepare('UPDATE documents SET superseded_by = ?, updated_at = ? WHERE id = ?').run(by, this.stamp(), id);
  }

  /** Documents still being read, across all cases (the header's reading indicator after a reload). */
  active(): DocumentSummary[] {
    return (
      this.db
        .prepare(`${SELECT_DOC} WHERE d.status IN ('queued', 'reading') AND d.removed_at IS NULL ORDER BY d.id`)
        .all() as DocumentRow[]
    ).map((r) => this.toSummary(r));
  }

  /** The same file already attached (and not removed) to the case. */
  findByHash(caseId: number, sha256: string): DocumentSummary | null {
    const row = this.db
      .prepare(`${SELECT_DOC} WHERE d.case_id = ? AND d.sha256 = ? AND d.removed_at IS NULL ORDER BY d.id LIMIT 1`)
      .get(caseId, sha256) as DocumentRow | undefined;
    return row ? this.toSummary(row) : null;
  }

  /** The document row and its queued job, together. */
  create(input: NewDocument): number {
    const at = this.stamp();
    return this.db
      .transaction(() => {
        const { lastInsertRowid } = this.db
          .prepare(`INSERT INTO documents (case_id, sha256, original_name, mime, size, pages, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)`)
          .run(input.caseId, input.sha256, input.name, input.mime, input.size, input.pages, at, at);
        const id = Number(lastInsertRowid);
        this.db
          .prepare(`INSERT INTO jobs (document_id, state, pages, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?)`)
          .run(id, input.pages ?? 0, at, at);
        return id;
      })
      .immediate();
  }

  /**
   * A document whose values came with it (a CSR from the carrier's API): stored ready, with its kind
   * set and no reading job, so nothing reads it again over the exact values the caller saves.
   */
  createRead(input: NewDocument & { kind: DocumentKind }): number {
    const at = this.stamp();
    const { lastInsertRowid } = this.db
      .prepare(`INSERT INTO documents (case_id, sha256, original_name, mime, size, pages, kind, kind_source, kind_confidence,
        status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'user', 1, 'ready', ?, ?)`)
      .run(input.caseId, input.sha256, input.name, input.mime, input.size, input.pages, input.kind, at, at);
    return Number(lastInsertRowid);
  }

  setStatus(id: number, status: DocumentStatus, error: AppError | null = null): void {
    this.db
      .prepare('UPDATE documents SET status = ?, error = ?, error_code = ?, updated_at = ? WHERE id = ?')
      .run(status, error?.message ?? null, error?.code ?? null, this.stamp(), id);
  }

  setKind(id: number, kind: DocumentKind, source: 'auto' | 'user', confidence: number | null): void {
    this.db
      .prepare('UPDATE documents SET kind = ?, kind_source = ?, kind_confidence = ?, updated_at = ? WHERE id = ?')
      .run(kind, source, confidence, this.stamp(), id);
  }

  /** Pages, page count and status in one transaction: a document is never half-read in the database. */
  /** The words of the pages; those of a secret (`secrets`, found by extraction) are sealed before they are written. */
  savePages(id: number, pages: PageText[], secrets: SecretSpot[] = []): void {
    const cipher = cipherOf(this.db);
    const stored = hideSecretWords(pages, secrets, (w) => ({ ...w, text: cipher.seal(w.text) }));
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM document_pages WHERE document_id = ?').run(id);
        const ins = this.db.prepare(
          'INSERT INTO document_pages (document_id, page, method, width, height, words, partial) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const p of stored) ins.run(id, p.page, p.method, p.width, p.height, encodeDrawing(p), p.partial ?? null);
        const partial = pages.filter((p) => p.partial).map((p) => ({ page: p.page, reason: p.partial! }));
        this.db
          .prepare('UPDATE documents SET pages = ?, partial_pages = ?, updated_at = ? WHERE id = ?')
          .run(pages.length, partial.length ? JSON.stringify(partial) : null, this.stamp(), id);
      })
      .immediate();
  }

  pages(id: number): PageText[] {
    const rows = this.db
      .prepare(
        'SELECT page, method, width, height, words, partial FROM document_pages WHERE document_id = ? ORDER BY page',
      )
      .all(id) as {
      page: number;
      method: 'text' | 'ocr';
      width: number;
      height: number;
      words: string;
      partial: string | null;
    }[];
    const cipher = cipherOf(this.db);
    return rows.map((r) => ({
      page: r.page,
      method: r.method,
      width: r.width,
      height: r.height,
      ...decodeDrawing(r.words, cipher),
      ...(r.partial ? { partial: r.partial } : {}),
    }));
  }

  /** Replace the machine's values; people's corrections are other rows and stay. */
  saveExtracted(id: number, fields: ExtractedFields, actor: string): void {
    const at = this.stamp();
    this.db
      .transaction(() => {
        this.db.prepare("DELETE FROM document_fields WHERE document_id = ? AND source = 'extracted'").run(id);
        const ins =
          this.db.prepare(`INSERT INTO document_fields (document_id, field, source, value, confidence, page, bbox, actor, at, candidates)
        VALUES (?, ?, 'extracted', ?, ?, ?, ?, ?, ?, ?)`);
        const secrets = secretTexts(fields);
        for (const [field, fv] of Object.entries(fields)) {
          if (!fv) continue;
          // another field's candidate that spells a secret (a PIN read as an account number) would keep it in clear
          const ranked = SECRET_FIELDS.has(field)
            ? fv.candidates
            : fv.candidates?.filter((c) => typeof c.value !== 'string' || !secrets.has(secretSpelling(c.value)));
          ins.run(
            id,
            field,
            this.encodeValue(field, fv.value),
            fv.confidence,
            fv.page,
            fv.bbox ? JSON.stringify(fv.bbox) : null,
            actor,
            at,
            // the review weighs them as `portdesk compare` does (a PIN's are sealed like the PIN)
            ranked?.length ? this.encodeValue(field, ranked) : null,
          );
        }
      })
      .immediate();
  }

  saveEntered(id: number, field: string, value: unknown, actor: string): void {
    this.db
      .prepare(`INSERT INTO document_fields (document_id, field, source, value, confidence, page, bbox, actor, at)
      VALUES (?, ?, 'entered', ?, 1, NULL, NULL, ?, ?)
      ON CONFLICT(document_id, field, source) DO UPDATE SET value = excluded.value, actor = excluded.actor, at = excluded.at`)
      .run(id, field, this.encodeValue(field, value), actor, this.stamp());
  }

  private encodeValue(field: string, value: unknown): string {
    const json = JSON.stringify(value);
    return SECRET_FIELDS.has(field) ? cipherOf(this.db).seal(json) : json;
  }

  private decodeValue(field: string, stored: string): unknown {
    return JSON.parse(SECRET_FIELDS.has(field) ? cipherOf(this.db).open(stored) : stored) as unknown;
  }

  fields(id: number): DocumentField[] {
    const rows = this.db
      .prepare(
        'SELECT field, source, value, confidence, page, bbox, actor, at, candidates FROM document_fields WHERE document_id = ? ORDER BY field',
      )
      .all(id) as FieldRow[];
    const byField = new Map<string, { extracted?: FieldRow; entered?: FieldRow }>();
    for (const r of rows) {
      const entry = byField.get(r.field) ?? {};
      entry[r.source] = r;
      byField.set(r.field, entry);
    }
    const parseBox = (b: string | null) => (b ? (JSON.parse(b) as BBox) : null);
    return [...byField.entries()].map(([field, { extracted, entered }]) => {
      const current = (entered ?? extracted)!;
      // A correction keeps pointing at the place the machine found the value, for the evidence view.
      return {
        field,
        value: this.decodeValue(field, current.value),
        confidence: current.confidence,
        page: current.page ?? extracted?.page ?? null,
        bbox: parseBox(current.bbox) ?? parseBox(extracted?.bbox ?? null),
        source: current.source,
        actor: current.actor,
        at: current.at,
        extracted: extracted
          ? {
              value: this.decodeValue(field, extracted.value),
              confidence: extracted.confidence,
              page: extracted.page,
              bbox: parseBox(extracted.bbox),
              why: this.valueWhy(field, extracted.candidates),
            }
          : null,
      };
    });
  }

  /** How the machine's value (its first candidate) was found; null for a row stored without, or one that does not fit. */
  private valueWhy(field: string, stored: string | null): CandidateWhy | null {
    if (!stored) return null;
    try {
      const first = (this.decodeValue(field, stored) as { why?: unknown }[] | null)?.[0];
      const why = CandidateWhy.safeParse(first?.why);
      return why.success ? why.data : null;
    } catch {
      return null;
    }
  }

  /**
   * The extractor's ranked candidates of each machine-read field, checked against the shared schema;
   * rows stored before schema 12 have none, and a list that does not fit is left out (the field is
   * then compared on its value alone, as an old row is).
   */
  extractedCandidates(id: number): Partial<Record<FieldName, FieldCandidate<unknown>[]>> {
    const rows = this.db
      .prepare(
        "SELECT field, candidates FROM document_fields WHERE document_id = ? AND source = 'extracted' AND candidates IS NOT NULL",
      )
      .all(id) as { field: string; candidates: string }[];
    const out: Partial<Record<FieldName, FieldCandidate<unknown>[]>> = {};
    for (const r of rows) {
      if (!(FIELD_NAMES as string[]).includes(r.field)) continue;
      const field = r.field as FieldName;
      let raw: unknown;
      try {
        raw = this.decodeValue(field, r.candidates);
      } catch {
        continue;
      }
      const parsed = fieldCandidatesSchema(field).safeParse(raw);
      if (parsed.success) out[field] = parsed.data;
    }
    return out;
  }

  field(id: number, field: string): DocumentField | null {
    return this.fields(id).find((f) => f.field === field) ?? null;
  }

  // ---- jobs ---------------------------------------------------------------------------------

  /** Jobs a crash or kill left running go back to the queue; the attempt count remembers them. */
  requeueInterrupted(): number {
    const at = this.stamp();
    return this.db
      .transaction(() => {
        // Cancelled by a person just before the crash: stays cancelled.
        this.db
          .prepare(`UPDATE jobs SET state = 'cancelled', updated_at = ? WHERE state = 'running'
        AND document_id IN (SELECT id FROM documents WHERE status = 'cancelled')`)
          .run(at);
        const ids = (
          this.db.prepare("SELECT document_id AS id FROM jobs WHERE state = 'running'").all() as { id: number }[]
        ).map((r) => r.id);
        this.db.prepare("UPDATE jobs SET state = 'queued', updated_at = ? WHERE state = 'running'").run(at);
        const upd = this.db.prepare(
          "UPDATE documents SET status = 'queued', updated_at = ? WHERE id = ? AND status = 'reading'",
        );
        for (const id of ids) upd.run(at, id);
        return ids.length;
      })
      .immediate();
  }

  nextQueued(exclude: readonly number[]): JobRow | null {
    const notIn = exclude.length ? `AND j.id NOT IN (${exclude.map(() => '?').join(',')})` : '';
    return (
      (this.db
        .prepare(`SELECT j.id, j.document_id, d.case_id, j.state, j.attempts FROM jobs j JOIN documents d ON d.id = j.document_id
      WHERE j.state = 'queued' ${notIn} ORDER BY j.id LIMIT 1`)
        .get(...exclude) as JobRow | undefined) ?? null
    );
  }

  job(documentId: number): JobRow | null {
    return (
      (this.db
        .prepare(`SELECT j.id, j.document_id, d.case_id, j.state, j.attempts FROM jobs j JOIN documents d ON d.id = j.document_id
      WHERE j.document_id = ?`)
        .get(documentId) as JobRow | undefined) ?? null
    );
  }

  /** Claim a queued job; false when someone (cancel) changed it first. */
  markRunning(jobId: number, documentId: number): boolean {
    const at = this.stamp();
    return this.db
      .transaction(() => {
        const r = this.db
          .prepare(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, progress = 0, page = 0, error = NULL, updated_at = ? WHERE id = ? AND state = 'queued'",
          )
          .run(at, jobId);
        if (r.changes === 0) return false;
        this.db
          .prepare(
            "UPDATE documents SET status = 'reading', error = NULL, error_code = NULL, updated_at = ? WHERE id = ?",
          )
          .run(at, documentId);
        return true;
      })
      .immediate();
  }

  progress(jobId: number, page: number, pages: number, fraction: number): void {
    this.db
      .prepare('UPDATE jobs SET page = ?, pages = ?, progress = ?, updated_at = ? WHERE id = ?')
      .run(page, pages, fraction, this.stamp(), jobId);
  }

  finishJob(jobId: number, state: 'done' | 'failed' | 'cancelled' | 'queued', error: string | null = null): void {
    this.db
      .prepare(
        "UPDATE jobs SET state = ?, error = ?, progress = CASE WHEN ? = 'done' THEN 1 ELSE progress END, updated_at = ? WHERE id = ?",
      )
      .run(state, error, state, this.stamp(), jobId);
  }

  /** Put a finished job back in the queue (retry, or a new kind to extract with). */
  requeue(documentId: number, resetAttempts: boolean): void {
    const at = this.stamp();
    this.db
      .transaction(() => {
        this.db
          .prepare(`UPDATE jobs SET state = 'queued', progress = 0, page = 0, error = NULL, updated_at = ?
        ${resetAttempts ? ', attempts = 0' : ''} WHERE document_id = ?`)
          .run(at, documentId);
        this.db
          .prepare(
            "UPDATE documents SET status = 'queued', error = NULL, error_code = NULL, updated_at = ? WHERE id = ?",
          )
          .run(at, documentId);
      })
      .immediate();
  }
}
