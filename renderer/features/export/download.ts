import type { ExportFile } from '../../../shared/contract/export.js';
import { call } from '../../ipc/index.js';

/**
 * Hand an exported file to the user. In the browser this is a download (the host serves the
 * bytes through export.file); in Electron the same download is caught by the shell, which asks
 * where to save it.
 */
export async function downloadExportFile(exportId: string, file: Pick<ExportFile, 'name'>): Promise<void> {
  const f = await call('export.file', { exportId, name: file.name });
  const bin = atob(f.dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
