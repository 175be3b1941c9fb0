import type { ChannelView, LineFinding } from '../../../shared/contract/channel.js';
import { formatNational, LINE_TYPE_LABEL, LINE_TYPES, type LineType } from '../../../shared/domain/phone.js';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';

const SOURCE: Record<ChannelView['lines'][number]['source'], string> = {
  manual: 'set by hand',
  check: 'portability check',
  number: 'toll-free area code',
  unknown: 'unknown',
};

/** Each number's line type (from the check, or set by hand) and what the carrier's rules say about it. */
export function LineTypes({ view, onView }: { view: ChannelView; onView(v: ChannelView): void }) {
  const set = async (number: string, value: string) => {
    try {
      onView(
        await call('channel.setLineType', {
          caseId: view.caseId,
          number,
          line_type: value ? (value as LineType) : null,
        }),
      );
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  if (view.lines.length === 0) return null;
  return (
    <div className="line-types" data-testid="line-types">
      <table className="report-table">
        <thead>
          <tr>
            <th>Number</th>
            <th>Line type</th>
            <th>From</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.number} data-number={l.number}>
              <td className="mono">{formatNational(l.number)}</td>
              <td>
                <select
                  aria-label={`Line type of ${formatNational(l.number)}`}
                  value={l.source === 'manual' ? (l.line_type ?? '') : ''}
                  onChange={(e) => void set(l.number, e.target.value)}
                >
                  <option value="">
                    {l.source === 'manual' || !l.line_type
                      ? 'As checked'
                      : `As checked: ${LINE_TYPE_LABEL[l.line_type]}`}
                  </option>
                  {LINE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {LINE_TYPE_LABEL[t]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted small">
                {SOURCE[l.source]}
                {l.check_type && l.source !== 'check' ? ` (check: ${l.check_type})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LineFindings findings={view.findings} />
      {view.toll_free_guidance.length > 0 && (
        <div className="callout respOrg" data-testid="tollfree-guidance">
          <strong>Toll-free numbers (RespOrg)</strong>
          <ul>
            {view.toll_free_guidance.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function LineFindings({ findings }: { findings: LineFinding[] }) {
  const shown = findings.filter((f) => f.level !== 'info' || f.code === null);
  if (shown.length === 0) return null;
  return (
    <ul className="line-findings" data-testid="line-findings">
      {shown.map((f) => (
        <li key={`${f.level}-${f.message}`} className={`finding finding-${f.level}`}>
          {f.code && <code>{f.code}</code>} {f.message} <span className="muted">{f.action}</span>
        </li>
      ))}
    </ul>
  );
}
