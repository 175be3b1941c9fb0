import { create } from 'zustand';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { useDocuments } from './state.js';
import { dataUrl } from './upload.js';

/** The documents removed on this screen, newest last: each can be put back until the case is left. */
interface RetireState {
  removed: DocumentSummary[];
  remove(doc: DocumentSummary): Promise<void>;
  undo(doc: DocumentSummary): Promise<void>;
  replace(doc: DocumentSummary, file: File): Promise<void>;
  forget(caseId: number): void;
}

export const useRetired = create<RetireState>()((set, get) => ({
  removed: [],

  async remove(doc) {
    try {
      const gone = await call('documents.remove', { id: doc.id });
      set((s) => ({ removed: [...s.removed.filter((d) => d.id !== doc.id), gone] }));
      useDocuments.setState((s) => ({ docs: s.docs?.filter((d) => d.id !== doc.id) ?? null }));
      if (useDocuments.getState().openDoc[doc.caseId] === doc.id) useDocuments.getState().open(doc.caseId, null);
    } catch (err) {
      toast.error(`Not removed: ${errorMessage(err)}`);
    }
  },

  async undo(doc) {
    try {
      useDocuments.getState().put(await call('documents.restore', { id: doc.id }));
      set((s) => ({ removed: s.removed.filter((d) => d.id !== doc.id) }));
      void useDocuments.getState().reload();
    } catch (err) {
      toast.error(`Not put back: ${errorMessage(err)}`);
    }
  },

  async replace(doc, file) {
    try {
      const { by } = await call('documents.replace', { id: doc.id, name: file.name, dataBase64: await dataUrl(file) });
      toast.success(`${doc.name} is replaced by ${by.name}; the old copy is kept, out of the review.`);
      void useDocuments.getState().reload();
    } catch (err) {
      toast.error(`Not replaced: ${errorMessage(err)}`);
    }
  },

  forget(caseId) {
    set((s) => ({ removed: s.removed.filter((d) => d.caseId !== caseId) }));
  },
}));
