import type { CarrierGuidance } from '../../../shared/contract/channel.js';
import { FIELD_LABEL } from '../../../shared/domain/case.js';

const WHY: Record<CarrierGuidance['why'][number], string> = {
  losing: 'losing carrier',
  underlying: 'underlying carrier',
  check: 'named by the portability check',
};

/** The carrier table's guidance for every provider on the case, reseller or not (seed 000). */
export function CarrierGuidanceList({ guidance }: { guidance: CarrierGuidance[] }) {
  if (guidance.length === 0) return null;
  return (
    <div className="carrier-guidance" data-testid="carrier-guidance">
      {guidance.map((g) => (
        <section key={g.provider} className="guidance-card" aria-label={`${g.provider} guidance`}>
          <h4>
            {g.provider} <span className="muted small">({g.why.map((w) => WHY[w]).join(', ')})</span>
            {g.reseller && <span className="chip guidance-reseller">reseller</span>}
          </h4>
          <dl>
            <dt>{FIELD_LABEL.account_number}</dt>
            <dd>{g.account_number_source}</dd>
            <dt>{FIELD_LABEL.pin}</dt>
            <dd>{g.pin_source}</dd>
          </dl>
          {g.requirements.length > 0 && (
            <ul className="guidance-requirements">
              {g.requirements.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {g.notes && <p className="small">{g.notes}</p>}
          {g.question && (
            <p className="small">
              Ask {g.provider}: <q>{g.question}</q>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
