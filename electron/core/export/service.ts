import type { ExportListEntry, ExportResult } from '../../../shared/contract/export.js';
import type { CoreContext } from '../context.js';
import type { BuiltFile, ExportRequest } from './index.js';

/**
 * Packets and LOAs of one core. pdf-lib and fontkit cost ~0.5 s to load: the exporter is loaded
 * when the user first exports (or lists, or downloads), not at start-up.
 */
export interface ExportService {
  create(req: ExportRequest): Promise<ExportResult>;
  list(caseId: number): Promise<ExportListEntry[]>;
  file(exportId: string, name: string): Promise<BuiltFile>;
  copy(exportId: string, destDir: string): Promise<string[]>;
}

export function createExportService(ctx: CoreContext): ExportService {
  const exporter = () => import('./index.js');
  return {
    create: async (req) => (await exporter()).createExport(ctx, req),
    list: async (caseId) => (await exporter()).listExports(ctx, caseId),
    file: async (exportId, name) => (await exporter()).readExportFile(ctx, exportId, name),
    copy: async (exportId, destDir) => (await exporter()).copyExport(ctx, exportId, destDir),
  };
}
