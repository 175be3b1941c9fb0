import { useId, type ReactNode } from 'react';
import { FIELD_LABEL, type CaseFields } from '../../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import { fieldSpec, labelInSentence } from '../../../shared/domain/fields.js';
import { formatNational, parseNumber } from '../../../shared/domain/phone.js';
import { changesOf, useCaseDetail } from '../../state/caseDetail.js';
import { useQueue } from '../../state/queue.js';
import { NumbersEditor } from './NumbersEditor.js';
import { PinField } from './PinField.js';

type TextField = Exclude<keyof CaseFields, 'foc_date' | 'notes'>;

/** The editable customer data of a case: used for a new case and in the Details tab. */
export function DetailsForm() {
  const base = useCaseDetail((s) => s.base);
  const draft = useCaseDetail((s) => s.draft);
  const setField = useCaseDetail((s) => s.setField);
  const setNumbersText = useCaseDetail((s) => s.setNumbersText);
  const carriers = useQueue((s) => s.carriers);
  const carrierListId = useId();
  const changed = changesOf(base, draft).fields;

  return (
    <form className="details-form" onSubmit={(e) => e.preventDefault()} aria-label="Case details">
      <datalist id={carrierListId}>
        {carriers.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="form-col">
        <CustomerSection />
        <CarrierSection carrierListId={carrierListId} />
      </div>
      <div className="form-col">
        <AddressSection />
        <section className="form-section">
          <NumbersEditor
            value={draft.numbersText}
            onChange={setNumbersText}
            caseId={base?.id ?? null}
            version={base?.version ?? 0}
          />
        </section>
      </div>
      <section className="form-section form-section-wide">
        <Field label={FIELD_LABEL.notes} changed={'notes' in changed}>
          {(a) => (
            <textarea
              {...a}
              name="notes"
              rows={4}
              value={draft.fields.notes}
              onChange={(e) => setField('notes', e.target.value)}
            />
          )}
        </Field>
      </section>
    </form>
  );
}

function CustomerSection() {
  const base = useCaseDetail((s) => s.base);
  const draft = useCaseDetail((s) => s.draft);
  const setPin = useCaseDetail((s) => s.setPin);
  const revealPin = useCaseDetail((s) => s.revealPin);
  const btn = draft.fields.btn.trim();
  const btnParsed = btn ? parseNumber(btn) : null;
  return (
    <section className="form-section">
      <h3 className="section-title">Customer (as on the CSR)</h3>
      <TextInput
        f="entity_name"
        required
        autoFocus={base === null}
        hint="Exactly as the losing carrier has it: carriers compare letter for letter."
      />
      <TextInput f="authorized_person" hint="The person who signs the LOA." />
      <div className="field-row">
        <TextInput
          f="btn"
          hint={
            btnParsed ? (
              btnParsed.ok ? (
                <>
                  → <code>{btnParsed.e164}</code> · {formatNational(btnParsed.e164)}
                </>
              ) : (
                <span className="text-danger">invalid: {btnParsed.error}</span>
              )
            ) : (
              `${fieldSpec('btn').spelledOut}.`
            )
          }
        />
        <TextInput f="account_number" />
      </div>
      <PinField
        pinSet={base?.pin_set ?? false}
        draft={draft.pin}
        onChange={setPin}
        {...(base ? { reveal: revealPin } : {})}
      />
    </section>
  );
}

function CarrierSection({ carrierListId }: { carrierListId: string }) {
  const base = useCaseDetail((s) => s.base);
  const draft = useCaseDetail((s) => s.draft);
  const setField = useCaseDetail((s) => s.setField);
  const changed = changesOf(base, draft).fields;
  return (
    <section className="form-section">
      <h3 className="section-title">Carrier and order</h3>
      <div className="field-row">
        <TextInput f="losing_carrier" list={carrierListId} />
        <TextInput
          f="underlying_carrier"
          list={carrierListId}
          hint="Only when the losing carrier is a reseller (e.g. RingCentral → Bandwidth)."
        />
      </div>
      <div className="field-row">
        <TextInput f="customer_reference" />
        <Field
          label={FIELD_LABEL.foc_date}
          changed={'foc_date' in changed}
          hint="The date you ask for; the carrier confirms the actual FOC (Submission tab)."
        >
          {(a) => (
            <input
              {...a}
              type="date"
              name="foc_date"
              value={draft.fields.foc_date}
              onChange={(e) => setField('foc_date', e.target.value)}
            />
          )}
        </Field>
      </div>
    </section>
  );
}

function AddressSection() {
  const zip = useCaseDetail((s) => s.draft.fields.service_zip);
  return (
    <section className="form-section">
      <h3 className="section-title">
        {COMPARED_FIELD_LABEL.service_address} (not the {labelInSentence(fieldSpec('billing_address').display)})
      </h3>
      <div className="field-row">
        <TextInput f="service_street" className="grow-2" />
        <TextInput f="service_unit" />
      </div>
      <div className="field-row">
        <TextInput f="service_city" className="grow-2" />
        <TextInput f="service_state" maxLength={40} />
        <TextInput
          f="service_zip"
          hint={
            zip && !/^\d{5}(-?\d{4})?$/.test(zip.trim()) ? (
              <span className="text-warn">not a ZIP or ZIP+4</span>
            ) : undefined
          }
        />
      </div>
    </section>
  );
}

/** One text field of the draft, marked when it differs from the saved case. */
function TextInput({
  f,
  hint,
  required,
  autoFocus,
  list,
  maxLength,
  className,
}: {
  f: TextField;
  hint?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  list?: string;
  maxLength?: number;
  className?: string;
}) {
  const base = useCaseDetail((s) => s.base);
  const draft = useCaseDetail((s) => s.draft);
  const setField = useCaseDetail((s) => s.setField);
  const changed = f in changesOf(base, draft).fields;
  return (
    <Field label={FIELD_LABEL[f]} hint={hint} changed={changed} required={required} className={className}>
      {(a) => (
        <input
          {...a}
          name={f}
          value={draft.fields[f]}
          autoFocus={autoFocus}
          list={list}
          maxLength={maxLength}
          autoComplete="off"
          onChange={(e) => setField(f, e.target.value)}
        />
      )}
    </Field>
  );
}

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

function Field({
  label,
  hint,
  changed,
  required,
  className,
  children,
}: {
  label: string;
  hint?: ReactNode;
  changed?: boolean;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const control: ControlProps = {
    id,
    ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
    ...(required ? { 'aria-required': true } : {}),
  };
  return (
    <div className={`field${changed ? ' changed' : ''}${className ? ' ' + className : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {changed && (
          <span className="changed-mark" title="Changed, not saved yet" aria-hidden="true">
            {' '}
            •
          </span>
        )}
      </label>
      {children(control)}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
