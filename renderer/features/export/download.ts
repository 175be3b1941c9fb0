import type { ExportFile } from '../../../shared/contract/export.js';
import { call, transportKind } from '../../ipc/index.js';

/**
 * Hand an exported file to the user. Desktop app: the native folder picker, then the whole export
 * (PDF, ZIP) is copied there. Browser mode: a plain download from the host's /exports route, which
 * streams the file (no base64 through RPC), with the session cookie.
 */
export async function downloadExportFile(exportId: string, file: Pick<ExportFile, 'name'>): Promise<void> {
  if (transportKind() !== 'http') {
    await call('export.saveToFolder', { exportId });
    return;
  }
  const a = document.createElement('a');
  a.href = `/exports/${encodeURIComponent(exportId)}/${encodeURIComponent(file.name)}`;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
