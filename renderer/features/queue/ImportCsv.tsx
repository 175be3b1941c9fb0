import { useRef, type ReactNode } from 'react';
import type { ImportDuplicate } from '../../../shared/contract/cases.js';
import { Modal } from '../../app/Modal.js';
import { plural } from '../../lib/format.js';
import { useImport, type ImportOutcome } from './importState.js';

/** Any number of these may be on screen (toolbar, empty state); the report shows from ImportReportHost. */
export function ImportCsvButton({ className = 'btn' }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const busy = useImport((s) => s.busy);
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
          e.target.value = '';
          if (f) void useImport.getState().importFile(f);
        }}
      />
    </>
  );
}

/** The report of the last import, whichever button started it; mounted once by the queue page. */
export function ImportReportHost() {
  const outcome = useImport((s) => s.outcome);
  return outcome ? <ImportReportDialog outcome={outcome} onClose={() => useImport.getState().close()} /> : null;
}

function ImportReportDialog({ outcome, onClose }: { outcome: ImportOutcome; onClose(): void }) {
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
        <ReportBody report={outcome.report} />
      )}
    </Modal>
  );
}

function ReportBody({ report }: { report: Extract<ImportOutcome, { report: unknown }>['report'] }) {
  const duplicates = report.duplicates ?? [];
  return (
    <>
      <p data-testid="import-summary">
        {plural(report.imported, 'case')} imported
        {duplicates.length > 0 && (
          <>
            , <strong>{plural(duplicates.length, 'row')} already in the queue</strong>
          </>
        )}
        {report.rejected.length > 0 && (
          <>
            , <strong className="text-danger">{plural(report.rejected.length, 'row')} rejected</strong>
          </>
        )}
        {report.warnings.length > 0 && <>, {plural(report.warnings.length, 'warning')}</>}.
      </p>
      {duplicates.length > 0 && <DuplicateRows duplicates={duplicates} />}
      {report.rejected.length > 0 && (
        <section>
          <h3 className="section-title">Rejected rows — fix them in the file and import just those rows again</h3>
          <ReportTable rows={report.rejected.map((r) => [r.row, r.reason])} testId="import-rejected" />
        </section>
      )}
      {report.warnings.length > 0 && (
        <section>
          <h3 className="section-title">Warnings — imported, but check these</h3>
          <ReportTable rows={report.warnings.map((w) => [w.row, w.message])} testId="import-warnings" />
        </section>
      )}
    </>
  );
}

function DuplicateRows({ duplicates }: { duplicates: ImportDuplicate[] }) {
  const busy = useImport((s) => s.busy);
  const anyway = useImport((s) => s.anywayImported);
  return (
    <section data-testid="import-duplicates">
      <h3 className="section-title">Already in the queue — not imported again</h3>
      <ReportTable
        rows={duplicates.map((d) => [
          d.row,
          <>
            <strong>{d.entity_name}</strong>: {d.reason}{' '}
            {d.caseId !== null && (
              <a href={`#/case/${d.caseId}`} onClick={() => useImport.getState().close()}>
                Open case #{d.caseId}
              </a>
            )}
          </>,
        ])}
        testId="import-duplicate-rows"
      />
      {anyway === null ? (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void useImport.getState().importAnyway(duplicates.map((d) => d.row))}
        >
          Import {duplicates.length === 1 ? 'this row' : `these ${duplicates.length} rows`} anyway
        </button>
      ) : (
        <p role="status" data-testid="import-anyway-done">
          {plural(anyway, 'more case')} imported anyway.
        </p>
      )}
    </section>
  );
}

function ReportTable({ rows, testId }: { rows: [number, ReactNode][]; testId: string }) {
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
