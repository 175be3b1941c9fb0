import { useEffect, useState } from 'react';
import type { ExportListEntry, ExportResult } from '../../../shared/contract/export.js';
import { call, errorMessage, onEvent } from '../../ipc/index.js';
import { dateTimeLabel } from '../../lib/format.js';
import { useQuery } from '../../lib/query.js';
import { routeHash } from '../../state/route.js';
import { toast } from '../../state/toasts.js';
import type { CaseTabProps } from '../case/tabs.js';
import { downloadExportFile } from './download.js';
import { SignaturePad } from './SignaturePad.js';

function kb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "BUSINESS_NAME_MISMATCH: name differs" lines → codes received outside the API (e-mail, ticket). */
function parseReported(text: string): { code: string; description?: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':');
      return i < 0
        ? { code: l }
        : { code: l.slice(0, i).trim(), ...(l.slice(i + 1).trim() ? { description: l.slice(i + 1).trim() } : {}) };
    })
    .filter((r) => r.code);
}

/**
 * Packet & LOA: one click builds the resubmission packet (cover sheet, corrected LOA, invoice and
 * CSR as received; a ZIP with the originals and a JSON summary) or an LOA to send for signature.
 */
export function ExportTab({ caseRecord }: CaseTabProps) {
  const id = caseRecord.id;
  const [includePin, setIncludePin] = useState(false);
  const [reported, setReported] = useState('');
  const [signing, setSigning] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [busy, setBusy] = useState<'packet' | 'loa' | null>(null);
  const [last, setLast] = useState<ExportResult | null>(null);
  const { history, reload: load } = useExportHistory(id);
  const gaining = useGainingCarrier();
  const received = useReceivedRejections(id);

  const run = async (kind: 'packet' | 'loa') => {
    setBusy(kind);
    try {
      const common = {
        caseId: id,
        includePin,
        ...(signing && signature ? { signaturePng: signature } : {}),
      };
      const res =
        kind === 'packet'
          ? await call('export.packet', { ...common, reportedRejections: parseReported(reported) })
          : await call('export.loa', common);
      setLast(res);
      // The ZIP holds everything (PDF, originals, JSON); the LOA is a PDF alone.
      const main = res.files.find((f) => f.mime === 'application/zip') ?? res.files[0];
      if (main) await downloadExportFile(res.exportId, main);
      toast.success(`${kind === 'packet' ? 'Packet' : 'LOA'} ready: ${res.pages} page${res.pages === 1 ? '' : 's'}.`);
      void load();
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-tab" data-testid="export-tab">
      <section className="export-step">
        <h3 className="section-title">Resubmission packet</h3>
        <p className="muted">
          A PDF with a cover sheet (orders, rejection codes and their meaning, what was corrected and from which
          document, the field comparison and the checklist), an LOA corrected from the carrier's CSR, and the invoice
          and CSR as received — plus a ZIP with the original files and a JSON summary.
        </p>
        <label className="export-check">
          <input type="checkbox" checked={includePin} onChange={(e) => setIncludePin(e.target.checked)} />
          Include the PIN (cover sheet, JSON and LOA). Without this, the PIN appears only on the LOA, and only if the
          carrier requires it there.
        </label>
        <p className="export-field" data-testid="gaining-carrier">
          Gaining carrier named on the LOA: <strong>{gaining || 'the new service provider'}</strong>{' '}
          <a href={routeHash({ name: 'settings', section: 'export' })}>change in Settings</a>
        </p>
        {received.length > 0 && (
          <div className="export-field" data-testid="packet-received">
            Rejections recorded on the case, in the packet already:
            <ul className="packet-received">
              {received.map((r) => (
                <li key={r.recorded_at}>
                  {r.received_on}:{' '}
                  {r.codes.length ? (
                    r.codes.map((c) => c.code).join(', ')
                  ) : (
                    <span className="muted">no code recognised: add its codes below</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <label className="export-field">
          {received.length ? 'Other rejection codes' : 'Rejection received by e-mail or ticket'} (optional, one code per
          line, "CODE: what the carrier wrote")
          <textarea
            rows={2}
            value={reported}
            onChange={(e) => setReported(e.target.value)}
            placeholder="BUSINESS_NAME_MISMATCH: name does not match our records"
          />
        </label>
        <label className="export-check">
          <input type="checkbox" checked={signing} onChange={(e) => setSigning(e.target.checked)} />
          The customer signs here (the LOA is marked "signed electronically in PortDesk")
        </label>
        {signing && <SignaturePad onChange={setSignature} />}
        <ExportActions busy={busy} onRun={(kind) => void run(kind)} />
        {last && <ExportResultNote result={last} />}
      </section>
      <ExportHistory history={history} />
    </div>
  );
}

/** The exports of this case, newest first; reloaded when the case changes anywhere. */
function useExportHistory(caseId: number) {
  const { data, reload } = useQuery(() => call('export.list', { caseId }), [caseId], { onError: () => [] });
  useEffect(
    () =>
      onEvent('cases.changed', ({ ids }) => {
        if (ids.includes(caseId)) void reload();
      }),
    [caseId, reload],
  );
  return { history: data ?? [], reload };
}

/** The rejections pasted on the Submission tab: the packet carries them without retyping. */
function useReceivedRejections(caseId: number) {
  const { data } = useQuery(() => call('channel.rejections', { caseId }).then((v) => v.rejections), [caseId], {
    onError: () => [],
  });
  return data ?? [];
}

/** Kept in Settings, asked for nowhere else: read each time the tab opens (it may have just changed). */
function useGainingCarrier(): string {
  const { data } = useQuery(() => call('settings.get', {}).then((s) => s.gainingCarrier), [], { onError: () => '' });
  return data ?? '';
}

function ExportResultNote({ result: last }: { result: ExportResult }) {
  return (
    <p className="callout export-done" role="status" data-testid="export-result">
      {last.kind === 'packet' ? 'Packet' : 'LOA'}: {last.pages} PDF page{last.pages === 1 ? '' : 's'}
      {last.kind === 'packet' ? `, ${last.rejections} rejection code${last.rejections === 1 ? '' : 's'}` : ''},{' '}
      {last.corrections} correction{last.corrections === 1 ? '' : 's'}
      {last.signed ? ', signed in PortDesk' : ''}; PIN{' '}
      {last.pinIncluded ? 'included' : last.pinOnLoa ? 'on the LOA only' : 'redacted'}.
    </p>
  );
}

function ExportHistory({ history }: { history: ExportListEntry[] }) {
  return (
    <section className="export-step">
      <h3 className="section-title">Exported</h3>
      {history.length === 0 ? (
        <p className="muted">Nothing exported for this case yet.</p>
      ) : (
        <ul className="export-list" data-testid="export-list">
          {history.map((h) => (
            <li key={h.exportId}>
              <span>
                {h.kind === 'packet' ? 'Packet' : 'LOA'} · {dateTimeLabel(h.createdAt)}
              </span>
              {h.files.map((f) => (
                <button
                  key={f.name}
                  type="button"
                  className="btn btn-small"
                  onClick={() =>
                    void downloadExportFile(h.exportId, f).catch((err: unknown) => toast.error(errorMessage(err)))
                  }
                >
                  {f.name.endsWith('.zip') ? 'ZIP' : 'PDF'} ({kb(f.bytes)})
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExportActions({ busy, onRun }: { busy: 'packet' | 'loa' | null; onRun(kind: 'packet' | 'loa'): void }) {
  return (
    <div className="export-actions">
      <button
        type="button"
        className="btn btn-primary"
        data-testid="export-packet"
        disabled={busy !== null}
        onClick={() => onRun('packet')}
      >
        {busy === 'packet' ? 'Building packet…' : 'Export packet'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="export-loa"
        disabled={busy !== null}
        onClick={() => onRun('loa')}
      >
        {busy === 'loa' ? 'Building LOA…' : 'Generate LOA'}
      </button>
    </div>
  );
}
