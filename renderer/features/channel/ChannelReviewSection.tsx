import { type ChannelView, MANUAL_STATUS_LABEL } from '../../../shared/contract/channel.js';
import { ReceivedRejections } from './ChannelPanel.js';
import { CarrierGuidanceList } from './CarrierGuidanceList.js';
import { LineFindings } from './LineTypes.js';

/**
 * What the review adds from the submission side: rejections received by e-mail (with their codes
 * from the rejection table), the line-type rules (wireless PIN) and the guidance for every carrier.
 * The Review tab loads the view with its comparison (useChannel), so the section is in place when the
 * table first shows and nothing moves under the specialist's pointer.
 */
export function ChannelReviewSection({ view }: { view: ChannelView | null }) {
  if (!view) return null;
  const rejected = view.manual.rejections.length > 0;
  const findings = view.findings.filter((f) => f.level !== 'info');
  if (!rejected && findings.length === 0 && view.guidance.length === 0) return null;
  return (
    <section className="channel-review" data-testid="channel-review" aria-label="Carrier and rejections">
      {rejected && (
        <>
          <h3 className="section-title">
            Rejections received
            {view.channel === 'manual'
              ? ` (ticket ${view.manual.ticket_id || 'without id'}, ${MANUAL_STATUS_LABEL[view.manual.status]})`
              : ''}
          </h3>
          <ReceivedRejections view={view} />
        </>
      )}
      {findings.length > 0 && (
        <>
          <h3 className="section-title">Line types</h3>
          <LineFindings findings={findings} />
        </>
      )}
      {view.guidance.length > 0 && (
        <>
          <h3 className="section-title">Carrier guidance</h3>
          <CarrierGuidanceList guidance={view.guidance} />
        </>
      )}
    </section>
  );
}
