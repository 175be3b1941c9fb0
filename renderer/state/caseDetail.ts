import { create, type StoreApi } from 'zustand';
import { CASE_FIELD_NAMES, type CaseFields, type CaseRecord, type CaseStatus } from '../../shared/domain/case.js';
import { call, errorMessage, isCallError } from '../ipc/index.js';
import { useQueue } from './queue.js';
import { toast } from './toasts.js';

/** Form values are strings; an empty FOC date means "none". */
export type FieldDraft = { [K in keyof CaseFields]: string };

export interface Draft {
  fields: FieldDraft;
  numbersText: string;
  /** undefined or '': untouched; a non-empty string: the new PIN; null: clear the stored PIN */
  pin: string | null | undefined;
}

/** Exactly what cases.update / cases.create will receive: only what the user changed. */
export interface Changes {
  fields: Partial<CaseFields>;
  numbersText?: string;
  pin?: string | null;
}

const EMPTY_FIELDS = Object.fromEntries(CASE_FIELD_NAMES.map((f) => [f, ''])) as FieldDraft;

export function numbersTextOf(rec: CaseRecord): string {
  return rec.numbers.map((n) => n.raw).join('\n');
}

export function draftFromRecord(rec: CaseRecord | null): Draft {
  if (!rec) return { fields: { ...EMPTY_FIELDS }, numbersText: '', pin: undefined };
  const fields = { ...EMPTY_FIELDS };
  for (const f of CASE_FIELD_NAMES) fields[f] = rec[f] ?? '';
  return { fields, numbersText: numbersTextOf(rec), pin: undefined };
}

function fieldValue<K extends keyof CaseFields>(k: K, v: string): CaseFields[K] {
  // only foc_date is nullable; every other field is plain text
  return (k === 'foc_date' ? (v === '' ? null : v) : v) as CaseFields[K];
}

export function changesOf(base: CaseRecord | null, draft: Draft): Changes {
  const original = draftFromRecord(base);
  const fields: Partial<CaseFields> = {};
  for (const f of CASE_FIELD_NAMES) {
    if (draft.fields[f] !== original.fields[f]) (fields as Record<string, unknown>)[f] = fieldValue(f, draft.fields[f]);
  }
  const out: Changes = { fields };
  if (normaliseLines(draft.numbersText) !== normaliseLines(original.numbersText)) out.numbersText = draft.numbersText;
  // an emptied PIN box means "leave it"; clearing a stored PIN is an explicit action (null)
  if (draft.pin === null) {
    if (base?.pin_set) out.pin = null;
  } else if (draft.pin) out.pin = draft.pin;
  return out;
}

function normaliseLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

export function changeCount(c: Changes): number {
  return Object.keys(c.fields).length + (c.numbersText !== undefined ? 1 : 0) + (c.pin !== undefined ? 1 : 0);
}

/** The user's edits laid over newer data: fields they did not touch take the newer values. */
export function rebase(oldBase: CaseRecord | null, draft: Draft, current: CaseRecord): Draft {
  const mine = changesOf(oldBase, draft);
  const next = draftFromRecord(current);
  for (const f of Object.keys(mine.fields) as (keyof CaseFields)[]) next.fields[f] = draft.fields[f];
  if (mine.numbersText !== undefined) next.numbersText = draft.numbersText;
  next.pin = draft.pin;
  return next;
}

export interface Conflict {
  /** the case as saved elsewhere */
  current: CaseRecord;
  /** what this window had loaded before the other change */
  before: CaseRecord;
  message: string;
}

interface CaseDetailState {
  /** null while creating a new case */
  id: number | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  base: CaseRecord | null;
  draft: Draft;
  saving: boolean;
  conflict: Conflict | null;
  /** another window changed the case while this one holds unsaved edits */
  changedElsewhere: boolean;
  statusBusy: boolean;
  /** the host's reason for refusing the last status move */
  statusError: string | null;

  open(id: number): Promise<void>;
  startNew(): void;
  close(): void;
  setField<K extends keyof CaseFields>(k: K, v: string): void;
  setNumbersText(text: string): void;
  setPin(pin: string | null | undefined): void;
  save(): Promise<boolean>;
  create(): Promise<number | null>;
  reapply(): Promise<void>;
  discard(): void;
  moveTo(status: CaseStatus, reason?: string): Promise<boolean>;
  onChangedElsewhere(): Promise<void>;
  revealPin(): Promise<string | null>;
}

const initial = {
  id: null,
  phase: 'idle' as const,
  loadError: null,
  base: null,
  draft: draftFromRecord(null),
  saving: false,
  conflict: null,
  changedElsewhere: false,
  statusBusy: false,
  statusError: null,
};

function markSeen(id: number): void {
  useQueue.getState().markSeenLocally(id);
  call('cases.markSeen', { id }).catch(() => {
    // the dot in the queue stays; nothing the user has to act on
  });
}

/** A save or status move refused because another window saved first: what to show side by side. */
function conflictFrom(err: unknown, before: CaseRecord | null): Conflict | null {
  if (!isCallError(err, 'CONFLICT')) return null;
  const current = (err.details as { current?: CaseRecord } | undefined)?.current;
  if (!current || !before) return null;
  return { current, before, message: err.message };
}

type SetCaseDetail = StoreApi<CaseDetailState>['setState'];
type GetCaseDetail = StoreApi<CaseDetailState>['getState'];
type Actions<K extends keyof CaseDetailState> = Pick<CaseDetailState, K>;

/** Which case is shown: loading it, starting a new one, following changes made elsewhere. */
function loadSlice(
  set: SetCaseDetail,
  get: GetCaseDetail,
): Actions<'open' | 'startNew' | 'close' | 'onChangedElsewhere' | 'revealPin'> {
  return {
    async open(id) {
      set({ ...initial, id, phase: 'loading' });
      try {
        const rec = await call('cases.get', { id });
        if (get().id !== id) return;
        set({ base: rec, draft: draftFromRecord(rec), phase: 'ready' });
        markSeen(id);
      } catch (err) {
        if (get().id !== id) return;
        set({ phase: 'error', loadError: errorMessage(err) });
      }
    },

    startNew() {
      set({ ...initial, phase: 'ready' });
    },

    close() {
      set({ ...initial });
    },

    async onChangedElsewhere() {
      const { id, base, saving, statusBusy } = get();
      // our own save or move is in flight: its answer brings the new version
      if (id === null || !base || saving || statusBusy) return;
      let rec: CaseRecord;
      try {
        rec = await call('cases.get', { id });
      } catch {
        return; // deleted or unreachable: the next action reports it
      }
      const s = get();
      if (s.id !== id || !s.base || s.saving || s.statusBusy) return;
      if (rec.version === s.base.version) {
        // the same edit with new facts PortDesk derives (the review's blocker count, the papers on file):
        // the status bar and the header show them; the draft, made from the same edit, stays
        if (JSON.stringify(rec) !== JSON.stringify(s.base)) set({ base: rec });
        return;
      }
      if (rec.version < s.base.version) return;
      if (changeCount(changesOf(s.base, s.draft)) === 0) {
        set({ base: rec, draft: draftFromRecord(rec), changedElsewhere: false });
        markSeen(id);
      } else {
        set({ changedElsewhere: true });
      }
    },

    async revealPin() {
      const { id } = get();
      if (id === null) return null;
      const { pin } = await call('cases.revealPin', { id });
      return pin;
    },
  };
}

/** The user's unsaved edits. */
function draftSlice(set: SetCaseDetail): Actions<'setField' | 'setNumbersText' | 'setPin'> {
  return {
    setField(k, v) {
      set((s) => ({ draft: { ...s.draft, fields: { ...s.draft.fields, [k]: v } } }));
    },
    setNumbersText(text) {
      set((s) => ({ draft: { ...s.draft, numbersText: text } }));
    },
    setPin(pin) {
      set((s) => ({ draft: { ...s.draft, pin } }));
    },
  };
}

/** Writing the case: save, create and status moves. */
function writeSlice(set: SetCaseDetail, get: GetCaseDetail): Actions<'save' | 'create' | 'moveTo'> {
  return {
    async save() {
      const { id, base, draft, saving } = get();
      if (id === null || !base || saving) return false;
      const changes = changesOf(base, draft);
      if (changeCount(changes) === 0) {
        toast.info('Nothing to save: no field was changed.');
        return true;
      }
      set({ saving: true });
      try {
        const rec = await call('cases.update', {
          id,
          version: base.version,
          fields: changes.fields,
          ...(changes.pin !== undefined ? { pin: changes.pin } : {}),
          ...(changes.numbersText !== undefined ? { numbersText: changes.numbersText } : {}),
        });
        if (get().id !== id) return true;
        set({ base: rec, draft: draftFromRecord(rec), saving: false, conflict: null, changedElsewhere: false });
        markSeen(id);
        toast.success(`Saved case ${id} (${changeCount(changes)} change${changeCount(changes) === 1 ? '' : 's'}).`);
        return true;
      } catch (err) {
        const conflict = conflictFrom(err, get().base);
        set({ saving: false, ...(conflict ? { conflict } : {}) });
        if (!conflict) toast.error(`Not saved: ${errorMessage(err)}`);
        return false;
      }
    },

    async create() {
      const { draft, saving } = get();
      if (saving) return null;
      const changes = changesOf(null, draft);
      set({ saving: true });
      try {
        let rec = await call('cases.create', {
          fields: changes.fields,
          ...(changes.numbersText !== undefined ? { numbersText: changes.numbersText } : {}),
        });
        if (changes.pin)
          rec = await call('cases.update', { id: rec.id, version: rec.version, fields: {}, pin: changes.pin });
        set({ ...initial, id: rec.id, base: rec, draft: draftFromRecord(rec), phase: 'ready' });
        markSeen(rec.id);
        toast.success(`Created case ${rec.id}.`);
        return rec.id;
      } catch (err) {
        set({ saving: false });
        toast.error(`Not created: ${errorMessage(err)}`);
        return null;
      }
    },

    async moveTo(status, reason) {
      const { id, base, statusBusy } = get();
      if (id === null || !base || statusBusy) return false;
      set({ statusBusy: true, statusError: null });
      try {
        const rec = await call('cases.setStatus', { id, version: base.version, status, ...(reason ? { reason } : {}) });
        if (get().id !== id) return true;
        // a status move bumps the version: keep unsaved edits, now based on the new version
        set((s) => ({ base: rec, draft: rebase(s.base, s.draft, rec), statusBusy: false }));
        markSeen(id);
        return true;
      } catch (err) {
        const conflict = conflictFrom(err, get().base);
        set({ statusBusy: false, statusError: conflict ? null : errorMessage(err), ...(conflict ? { conflict } : {}) });
        return false;
      }
    },
  };
}

/** After a conflict: lay the user's edits over the newer case and save, or drop them. */
function conflictSlice(set: SetCaseDetail, get: GetCaseDetail): Actions<'reapply' | 'discard'> {
  return {
    async reapply() {
      const { conflict, draft } = get();
      if (!conflict) return;
      set({
        base: conflict.current,
        draft: rebase(conflict.before, draft, conflict.current),
        conflict: null,
        changedElsewhere: false,
      });
      await get().save();
    },

    discard() {
      const { conflict } = get();
      if (!conflict) return;
      set({
        base: conflict.current,
        draft: draftFromRecord(conflict.current),
        conflict: null,
        changedElsewhere: false,
      });
      toast.info('Your changes were discarded; showing the current data.');
    },
  };
}

export const useCaseDetail = create<CaseDetailState>()((set, get) => ({
  ...initial,
  ...loadSlice(set, get),
  ...draftSlice(set),
  ...writeSlice(set, get),
  ...conflictSlice(set, get),
}));
