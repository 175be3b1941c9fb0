import { STATUS_LABEL, type CaseStatus } from '../../shared/domain/case.js';

export function StatusChip({ status, large }: { status: CaseStatus; large?: boolean }) {
  return (
    <span className={`chip status-${status}${large ? ' chip-large' : ''}`} data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}
