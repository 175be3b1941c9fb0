import type { DocumentSummary } from '../../../shared/contract/documents.js';
import { call, CallError, transportKind, type ClientErrorCode } from '../../ipc/index.js';

export type AttachResult = DocumentSummary & { duplicate: boolean };

const mb = (bytes: number) => `${(Math.round((bytes / 1024 / 1024) * 10) / 10).toLocaleString()} MB`;

/**
 * One file to the core. In the browser the loopback host takes the raw bytes on its upload route
 * (no base64 inflation, no JSON body); under Electron there is no HTTP host, so the file crosses
 * the preload bridge as base64 through the same `documents.attach` method the route dispatches.
 */
export async function uploadFile(caseId: number, file: File): Promise<AttachResult> {
  if (transportKind() !== 'http')
    return call('documents.attach', { caseId, name: file.name, dataBase64: await dataUrl(file) });

  let res: Response;
  try {
    res = await fetch(`/upload/${caseId}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  } catch {
    throw new CallError(
      'HOST_UNREACHABLE',
      'PortDesk is not answering, so the file was not attached. Check that "portdesk serve" is still running, then attach it again.',
      undefined,
      'documents.attach',
    );
  }
  if (res.status === 401) {
    throw new CallError(
      'SESSION_EXPIRED',
      'This window is no longer signed in (PortDesk was restarted). Open the new link printed by "portdesk serve".',
      undefined,
      'documents.attach',
    );
  }
  if (res.status === 413) {
    // the host refused the body before the core saw it: say it in the file's terms
    throw new CallError(
      'FILE_TOO_LARGE',
      `The file is ${mb(file.size)}, too large to attach. Ask for a smaller scan (300 dpi, black and white) or split the PDF.`,
      undefined,
      'documents.attach',
    );
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new CallError(
      'PROTOCOL',
      `PortDesk answered the upload with HTTP ${res.status} and no readable result.`,
      undefined,
      'documents.attach',
    );
  }
  const env = body as {
    ok?: unknown;
    value?: unknown;
    error?: { code?: unknown; message?: unknown; details?: unknown };
  };
  if (env.ok === true && env.value && typeof env.value === 'object') return env.value as AttachResult;
  if (env.ok === false && typeof env.error?.code === 'string' && typeof env.error.message === 'string') {
    // the core's own error codes, passed through as the RPC transport does
    throw new CallError(env.error.code as ClientErrorCode, env.error.message, env.error.details, 'documents.attach');
  }
  throw new CallError(
    'PROTOCOL',
    `PortDesk answered the upload with HTTP ${res.status} and an unexpected body.`,
    undefined,
    'documents.attach',
  );
}

/** "data:…;base64,…": the attach handler strips the prefix. */
export function dataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () =>
      reject(
        new CallError(
          'BAD_INPUT',
          `"${file.name}" could not be read from disk: ${reader.error?.message ?? 'unknown error'}.`,
        ),
      );
    reader.readAsDataURL(file);
  });
}

/** What the picker offers; the core decides from the bytes, not from the name. */
export const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff';
