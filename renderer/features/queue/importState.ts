import { create } from 'zustand';
import type { ImportReport } from '../../../shared/contract/cases.js';
import { call, errorMessage } from '../../ipc/index.js';
import { scheduleQueueRefresh } from '../../state/queue.js';

/** Spreadsheets save CSV as UTF-8 (with or without BOM) or UTF-16 with a BOM; the host explains anything else. */
async function readCsvText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export type ImportOutcome = { fileName: string; csv: string } & ({ report: ImportReport } | { error: string });

/**
 * The import and its report live here, not in the button that started it: the empty-state panel
 * unmounts as soon as the first cases arrive, and its report must stay on screen.
 */
interface ImportState {
  busy: boolean;
  outcome: ImportOutcome | null;
  /** rows created by "import anyway" after the report, shown in the same dialog */
  anywayImported: number | null;
  importFile(file: File): Promise<void>;
  importAnyway(rows: number[]): Promise<void>;
  close(): void;
}

export const useImport = create<ImportState>()((set, get) => ({
  busy: false,
  outcome: null,
  anywayImported: null,

  async importFile(file) {
    set({ busy: true, anywayImported: null });
    let csv = '';
    try {
      csv = await readCsvText(file);
      const report = await call('cases.importCsv', { csv, fileName: file.name });
      set({ outcome: { fileName: file.name, csv, report } });
      if (report.imported > 0) scheduleQueueRefresh(0);
    } catch (err) {
      set({ outcome: { fileName: file.name, csv, error: errorMessage(err) } });
    } finally {
      set({ busy: false });
    }
  },

  async importAnyway(rows) {
    const outcome = get().outcome;
    if (!outcome || !rows.length) return;
    set({ busy: true });
    try {
      const report = await call('cases.importCsv', {
        csv: outcome.csv,
        fileName: outcome.fileName,
        importDuplicateRows: rows,
      });
      set({ anywayImported: report.imported });
      scheduleQueueRefresh(0);
    } catch (err) {
      set({ outcome: { fileName: outcome.fileName, csv: outcome.csv, error: errorMessage(err) } });
    } finally {
      set({ busy: false });
    }
  },

  close() {
    set({ outcome: null, anywayImported: null });
  },
}));
