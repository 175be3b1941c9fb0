import { useRef, useState } from 'react';
import type { ImportReport } from '../../../shared/contract/cases.js';
import { Modal } from '../../app/Modal.js';
import { call, errorMessage } from '../../ipc/index.js';
import { plural } from '../../lib/format.js';
import { scheduleQueueRefresh } from '../../state/queue.js';

/** Spreadsheets save CSV as UTF-8 (with or without BOM) or UTF-16 with a BOM; the host explains anything else. */
async function readCsvText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

type Outcome = { fileName: string } & ({ report: ImportReport } | { error: string });

export function ImportCsvButton({ className = 'btn' }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onFile = async (file: File) => {
    setBusy(true);
    try {
      const csv = await readCsvText(file);
      const report = await call('cases.importCsv', { csv, fileName: file.name });
      setOutcome({ fileName: file.name, report });
      if (report.imported > 0) scheduleQueueRefresh(0);
    } catch (err) {
      setOutcome({ fileName: file.name, error: errorMessage(err) });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <button type="button" className={className} disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Importing…' : 'Import CSV…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv,text/plain"
        hidden
        data-testid="csv-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void onFile(f);
        }}
      />
      {outcome && <ImportReportDialog outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  );
}

function ImportReportDialog({ outcome, onClose }: { outcome: Outcome; onClose(): void }) {
  const title =
    'error' in outcome
      ? 'CSV not imported'
      : outcome.report.imported > 0
        ? `Imported ${plural(outcome.report.imported, 'case')}`
        : 'Nothing imported';
  return (
    <Modal
      open
      wide
      title={title}
      onClose={onClose}
      testId="import-report"
      actions={
        <button type="button" className="btn btn-primary" autoFocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="muted">
        From <strong>{outcome.fileName}</strong>
      </p>
      {'error' in outcome ? (
        <p className="callout callout-danger" role="alert">
          {outcome.error}
        </p>
      ) : (
        <>
          <p data-testid="import-summary">
            {plural(outcome.report.imported, 'case')} imported
            {outcome.report.rejected.length > 0 && (
              <>
                , <strong className="text-danger">{plural(outcome.report.rejected.length, 'row')} rejected</strong>
              </>
            )}
            {outcome.report.warnings.length > 0 && <>, {plural(outcome.report.warnings.length, 'warning')}</>}.
          </p>
          {outcome.report.rejected.length > 0 && (
            <section>
              <h3 className="section-title">Rejected rows — fix them in the file and import just those rows again</h3>
              <ReportTable rows={outcome.report.rejected.map((r) => [r.row, r.reason])} testId="import-rejected" />
            </section>
          )}
          {outcome.report.warnings.length > 0 && (
            <section>
              <h3 className="section-title">Warnings — imported, but check these</h3>
              <ReportTable rows={outcome.report.warnings.map((w) => [w.row, w.message])} testId="import-warnings" />
            </section>
          )}
        </>
      )}
    </Modal>
  );
}

function ReportTable({ rows, testId }: { rows: [number, string][]; testId: string }) {
  return (
    <div className="report-scroll">
      <table className="report-table" data-testid={testId}>
        <thead>
          <tr>
            <th className="num">Row</th>
            <th>What is wrong</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([row, text], i) => (
            <tr key={i}>
              <td className="num">{row}</td>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
