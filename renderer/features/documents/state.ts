import { create, type StoreApi } from 'zustand';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import { caseChangeArea, type EventPayload } from '../../../shared/contract/events.js';
import type { DocumentKind } from '../../../shared/domain/document.js';
import { call, errorMessage, isCallError, onEvent, onLinkChange } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { uploadFile } from './upload.js';

export type JobProgress = EventPayload<'jobs.progress'>;

/** A file on its way in, or one the core refused: it never became a document, so it lives only here. */
export interface Attachment {
  key: number;
  caseId: number;
  name: string;
  size: number;
  state: 'uploading' | 'refused';
  message?: string;
  code?: string;
}

interface DocumentsState {
  /** the case whose documents are shown (one case page at a time) */
  caseId: number | null;
  docs: DocumentSummary[] | null;
  loadError: string | null;
  attachments: Attachment[];
  /** the document open in the viewer, per case, so switching tabs keeps it */
  openDoc: Record<number, number | null>;
  /** latest progress per document, from every case: the header indicator needs all of them */
  live: Record<number, JobProgress>;
  /** documents seen reading since the queue was last empty: the denominator of the overall bar */
  batch: number[];
  names: Record<number, { name: string; caseId: number }>;
  /** bumps when a field of the open case's documents changed (here or in another window) */
  fieldsStamp: number;

  show(caseId: number): void;
  hide(caseId: number): void;
  reload(): Promise<void>;
  attach(caseId: number, files: File[]): Promise<void>;
  dismiss(key: number): void;
  setKind(doc: DocumentSummary, kind: DocumentKind): Promise<void>;
  cancel(doc: DocumentSummary): Promise<void>;
  retry(doc: DocumentSummary): Promise<void>;
  open(caseId: number, docId: number | null): void;
  /** replace one summary after a command answered with it */
  put(doc: DocumentSummary): void;
}

const ACTIVE = new Set<JobProgress['state']>(['queued', 'running']);
export const isActive = (p: JobProgress | undefined): boolean => !!p && ACTIVE.has(p.state);

let nextKey = 1;
let loadSeq = 0;

/** Progress as the list had it, for documents read before this window subscribed. */
function progressFromSummary(d: DocumentSummary): JobProgress | null {
  if (!d.job) return null;
  const state: JobProgress['state'] =
    d.status === 'reading'
      ? 'running'
      : d.status === 'queued'
        ? 'queued'
        : d.status === 'ready'
          ? 'done'
          : d.status === 'failed'
            ? 'failed'
            : 'cancelled';
  return {
    jobId: d.job.id,
    caseId: d.caseId,
    documentId: d.id,
    state,
    page: d.job.page,
    pages: d.job.pages || (d.pages ?? 0),
    fraction: state === 'done' ? 1 : d.job.progress,
  };
}

/** After a reload, documents already being read show in the header before their next progress event. */
async function seedActive(): Promise<void> {
  try {
    const docs = await call('documents.active', {});
    useDocuments.setState((s) => {
      const live = { ...s.live };
      const names = { ...s.names };
      for (const d of docs) {
        const p = progressFromSummary(d);
        names[d.id] = { name: d.name, caseId: d.caseId };
        if (p && !live[d.id]) live[d.id] = p;
      }
      return { names, ...withBatch(live, s.batch) };
    });
  } catch {
    // the indicator fills in from the next progress event
  }
}

/** Keeps the batch in step with `live`: an empty reading queue starts the next batch from zero. */
function withBatch(
  live: Record<number, JobProgress>,
  batch: number[],
): { live: Record<number, JobProgress>; batch: number[] } {
  const active = Object.values(live)
    .filter(isActive)
    .map((p) => p.documentId);
  if (active.length === 0) return { live, batch: [] };
  const next = new Set(batch);
  for (const id of active) next.add(id);
  return { live, batch: [...next] };
}

type SetDocuments = StoreApi<DocumentsState>['setState'];
type GetDocuments = StoreApi<DocumentsState>['getState'];
type ListSlice = Pick<DocumentsState, 'caseId' | 'docs' | 'loadError' | 'show' | 'hide' | 'reload' | 'put'>;
type AttachSlice = Pick<DocumentsState, 'attachments' | 'attach' | 'dismiss'>;
type CommandSlice = Pick<DocumentsState, 'setKind' | 'cancel' | 'retry' | 'openDoc' | 'open'>;
type ProgressSlice = Pick<DocumentsState, 'live' | 'batch' | 'names' | 'fieldsStamp'>;

/** The open case's document list, loaded from the core and kept in step with answers and events. */
function listSlice(set: SetDocuments, get: GetDocuments): ListSlice {
  return {
    caseId: null,
    docs: null,
    loadError: null,

    show(caseId) {
      if (get().caseId !== caseId) set({ caseId, docs: null, loadError: null });
      void get().reload();
    },

    hide(caseId) {
      // refused files are worth seeing again on this case; other cases must not inherit them
      if (get().caseId === caseId) set({ caseId: null, docs: null, loadError: null });
    },

    async reload() {
      const caseId = get().caseId;
      if (caseId === null) return;
      const seq = ++loadSeq;
      try {
        const docs = await call('documents.list', { caseId });
        if (seq !== loadSeq || get().caseId !== caseId) return;
        set((s) => {
          const live = { ...s.live };
          const names = { ...s.names };
          for (const d of docs) {
            names[d.id] = { name: d.name, caseId: d.caseId };
            const fromList = progressFromSummary(d);
            const known = live[d.id];
            // The list is the truth about a finished document; events stay ahead while it reads.
            if (fromList && (!known || !isActive(fromList) || (isActive(known) && fromList.fraction > known.fraction)))
              live[d.id] = fromList;
          }
          return { docs, loadError: null, names, ...withBatch(live, s.batch) };
        });
      } catch (err) {
        if (seq !== loadSeq || get().caseId !== caseId) return;
        set({ loadError: errorMessage(err) });
      }
    },

    put(doc) {
      set((s) => {
        const live = { ...s.live };
        const p = progressFromSummary(doc);
        if (p) live[doc.id] = p;
        const names = { ...s.names, [doc.id]: { name: doc.name, caseId: doc.caseId } };
        let docs = s.docs;
        if (s.caseId === doc.caseId && docs) {
          const clean: DocumentSummary = stripExtra(doc);
          docs = docs.some((d) => d.id === doc.id) ? docs.map((d) => (d.id === doc.id ? clean : d)) : [...docs, clean];
        }
        return { docs, names, ...withBatch(live, s.batch) };
      });
    },
  };
}

/** Files being uploaded, and the ones the core refused. */
function attachSlice(set: SetDocuments, get: GetDocuments): AttachSlice {
  return {
    attachments: [],

    async attach(caseId, files) {
      const entries: Attachment[] = files.map((f) => ({
        key: nextKey++,
        caseId,
        name: f.name,
        size: f.size,
        state: 'uploading',
      }));
      set((s) => ({ attachments: [...s.attachments, ...entries] }));
      // One at a time: a few large scans in parallel would only compete for the same disk and memory.
      for (const [i, file] of files.entries()) {
        const key = entries[i]!.key;
        try {
          const doc = await uploadFile(caseId, file);
          set((s) => ({ attachments: s.attachments.filter((a) => a.key !== key) }));
          if (doc.duplicate) {
            toast.info(
              `${file.name} is already attached to this case${doc.name !== file.name ? ` (as ${doc.name})` : ''}.`,
            );
          } else {
            get().put(doc);
          }
        } catch (err) {
          const message = errorMessage(err);
          set((s) => ({
            attachments: s.attachments.map((a) =>
              a.key === key
                ? { ...a, state: 'refused' as const, message, ...(isCallError(err) ? { code: err.code } : {}) }
                : a,
            ),
          }));
        }
      }
      if (get().caseId === caseId) void get().reload();
    },

    dismiss(key) {
      set((s) => ({ attachments: s.attachments.filter((a) => a.key !== key) }));
    },
  };
}

/** Commands on one document, and which document the viewer shows per case. */
function commandSlice(set: SetDocuments, get: GetDocuments): CommandSlice {
  return {
    openDoc: {},

    async setKind(doc, kind) {
      try {
        get().put(await call('documents.setKind', { id: doc.id, kind }));
      } catch (err) {
        toast.error(`Kind not changed: ${errorMessage(err)}`);
      }
    },

    async cancel(doc) {
      try {
        get().put(await call('documents.cancel', { id: doc.id }));
      } catch (err) {
        toast.error(errorMessage(err));
        void get().reload();
      }
    },

    async retry(doc) {
      try {
        get().put(await call('documents.retry', { id: doc.id }));
      } catch (err) {
        toast.error(errorMessage(err));
        void get().reload();
      }
    },

    open(caseId, docId) {
      set((s) => ({ openDoc: { ...s.openDoc, [caseId]: docId } }));
    },
  };
}

/** Reading progress of every case's documents, for the header indicator. */
const progressSlice = (): ProgressSlice => ({ live: {}, batch: [], names: {}, fieldsStamp: 0 });

export const useDocuments = create<DocumentsState>()((set, get) => ({
  ...listSlice(set, get),
  ...attachSlice(set, get),
  ...commandSlice(set, get),
  ...progressSlice(),
}));

/** attach answers with `duplicate` beside the summary; the list holds summaries only. */
function stripExtra(doc: DocumentSummary & { duplicate?: boolean }): DocumentSummary {
  const { duplicate: _ignored, ...rest } = doc;
  return rest;
}

let reloadTimer: ReturnType<typeof setTimeout> | null = null;
function scheduleReload(): void {
  if (reloadTimer) return;
  reloadTimer = setTimeout(() => {
    reloadTimer = null;
    void useDocuments.getState().reload();
  }, 120);
}

/**
 * Progress reaches every window as `jobs.progress`; the list of the open case is reloaded when a
 * document of it finishes (its kind, status and error come from the core, never guessed here).
 */
let started = false;
export function startDocumentEvents(): void {
  if (started) return;
  started = true;
  void seedActive();
  onEvent('jobs.progress', (p) => {
    useDocuments.setState((s) => withBatch({ ...s.live, [p.documentId]: p }, s.batch));
    const s = useDocuments.getState();
    if (s.caseId === p.caseId && (!isActive(p) || !s.docs?.some((d) => d.id === p.documentId))) scheduleReload();
  });
  onEvent('cases.changed', ({ ids, reason }) => {
    const s = useDocuments.getState();
    if (s.caseId === null || !ids.includes(s.caseId) || caseChangeArea(reason) !== 'documents') return;
    if (reason === 'document-field') useDocuments.setState({ fieldsStamp: s.fieldsStamp + 1 });
    scheduleReload();
  });
  let wasOpen = false;
  onLinkChange((link) => {
    // progress may have been missed while the stream was down
    if (link === 'open' && wasOpen) scheduleReload();
    if (link === 'open') wasOpen = true;
  });
}
