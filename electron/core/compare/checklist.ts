/** The pre-submit checklist and the banners about the documents as a whole. */
import { type ExtractedFields } from '../../../shared/domain/document.js';
import {
  type CarrierEntry,
  type ChecklistItem,
  type ComparedField,
  type NumbersReport,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import { compareAccountNumbers } from '../../../shared/normalize/account.js';
import { compareEntityNames } from '../../../shared/normalize/names.js';
import { preSubmitChecklist } from './carriers.js';
import { Collector, type Docs } from './run.js';
import { e164List } from './numbers.js';

function verdictOf(c: Collector, f: ComparedField): Verdict {
  return c.fields[f]?.verdict ?? 'not_checked';
}

export function buildChecklist(
  c: Collector,
  losing: CarrierEntry | null,
  underlyingKnown: string | null,
  hasCsr: boolean,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const good = (v: Verdict) => v === 'match' || v === 'equivalent';
  for (const { id, text } of preSubmitChecklist()) {
    let state: ChecklistItem['state'] = 'unknown';
    let auto = false;
    let note: string | undefined;
    switch (id) {
      case 'underlying_carrier':
        if (losing && !losing.reseller) {
          state = 'done';
          auto = true;
          note = `${losing.name} is not a reseller.`;
        } else if (losing?.reseller && underlyingKnown) {
          state = 'done';
          auto = true;
          note = `Underlying carrier: ${underlyingKnown}.`;
        } else if (losing?.reseller) {
          state = 'open';
          auto = true;
          note = `${losing.name} is a reseller: ask which carrier holds the numbers.`;
        }
        break;
      case 'account_number': {
        const v = verdictOf(c, 'account_number');
        if (hasCsr && good(v)) {
          state = 'done';
          auto = true;
          note = 'Matches the CSR.';
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = c.fields.account_number?.reason;
        }
        break;
      }
      case 'pin': {
        const v = verdictOf(c, 'pin');
        if (v === 'match') {
          state = 'done';
          auto = true;
          note = 'Matches the CSR.';
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = c.fields.pin?.reason;
        }
        break;
      }
      case 'authorized_name': {
        const vs = [verdictOf(c, 'account_name'), verdictOf(c, 'authorized_person')];
        if (vs.some((v) => v === 'mismatch' || v === 'missing' || v === 'equivalent')) {
          state = 'open';
          auto = true;
          note = "Not letter for letter the same as the carrier's record: use the proposed exact string.";
        } else if (vs[0] === 'match' && (vs[1] === 'match' || vs[1] === 'not_checked' || vs[1] === 'info')) {
          state = 'done';
          auto = true;
          note =
            vs[1] === 'match'
              ? 'Entity name and authorized person match exactly.'
              : 'Entity name matches exactly (no authorized contact on the carrier record).';
        }
        break;
      }
      case 'service_address': {
        const v = verdictOf(c, 'service_address');
        if (good(v)) {
          state = 'done';
          auto = true;
          note = `Matches the ${c.fields.service_address?.reference === 'csr' ? 'CSR' : 'invoice service address'}.`;
        } else if (v === 'mismatch' || v === 'missing') {
          state = 'open';
          auto = true;
          note = "Use the service address on the carrier's records, not the billing address.";
        }
        break;
      }
      case 'loa_signed': {
        const sig = verdictOf(c, 'loa_signature');
        const date = verdictOf(c, 'loa_date');
        if (sig === 'mismatch' || date === 'mismatch') {
          state = 'open';
          auto = true;
          note = sig === 'mismatch' ? 'The LOA is not signed.' : 'The LOA is too old: get a new signature.';
        } else if (sig === 'match' && (date === 'match' || date === 'info')) {
          state = 'done';
          auto = true;
          note = 'Signed and dated within the limit.';
        }
        break;
      }
    }
    items.push({ id, text, state, auto, ...(note ? { note } : {}) });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The documents as a whole

/**
 * An LOA whose name, account number and numbers belong to no carrier document of the case was
 * probably attached to the wrong case; with no CSR or invoice at all, nothing is the carrier's.
 */
export function documentBanners(c: Collector, docs: Docs, report: NumbersReport): void {
  const carrierDocs = (['csr', 'invoice'] as const).map((k) => docs[k]).filter((d): d is ExtractedFields => !!d);
  if (!docs.loa && !carrierDocs.length) {
    // no rejection predicted here means nothing was looked at, not that the case is clean
    c.banners.push({
      kind: 'nothing_checked',
      source: null,
      message:
        'Nothing could be checked: no LOA, invoice or CSR has been read for this case (missing: LOA, invoice, CSR). Attach them on the Documents tab; until then PortDesk cannot predict any rejection.',
    });
  }
  if (docs.loa && !carrierDocs.length) {
    c.banners.push({
      kind: 'no_carrier_record',
      source: null,
      message:
        "No CSR or invoice is attached: the LOA can be checked against the case only, not against the carrier's records.",
    });
  }
  const loa = docs.loa;
  if (loa && carrierDocs.length) {
    let comparable = 0;
    let belongs = 0;
    const weigh = (
      mine: string | undefined,
      theirs: (string | undefined)[],
      same: (a: string, b: string) => boolean,
    ) => {
      const others = theirs.filter((t): t is string => !!t?.trim());
      if (!mine?.trim() || !others.length) return;
      comparable++;
      if (others.some((t) => same(t, mine))) belongs++;
    };
    weigh(
      loa.account_name?.value,
      carrierDocs.map((d) => d.account_name?.value),
      (a, b) => compareEntityNames(a, b).verdict !== 'mismatch',
    );
    weigh(
      loa.account_number?.value,
      carrierDocs.map((d) => d.account_number?.value),
      (a, b) => compareAccountNumbers(a, b).verdict !== 'mismatch',
    );
    const loaNumbers = loa.phone_numbers ? e164List(loa.phone_numbers.value).ok : [];
    if (loaNumbers.length && report.on_account?.length) {
      comparable++;
      if (loaNumbers.some((n) => report.on_account!.includes(n))) belongs++;
    }
    if (comparable >= 2 && belongs === 0) {
      const what = [
        loa.account_name?.value && `"${loa.account_name.value}"`,
        loa.account_number?.value && `account ${loa.account_number.value}`,
      ]
        .filter(Boolean)
        .join(', ');
      c.banners.push({
        kind: 'wrong_document',
        source: 'loa',
        message: `The LOA (${what || 'its name and numbers'}) matches nothing on the ${carrierDocs.length === 2 ? 'CSR or invoice' : docs.csr ? 'CSR' : 'invoice'}: its name, account and numbers belong to no other document of this case. It may be another customer's LOA — check the right one is attached.`,
      });
    }
  }
  if (c.disagreements.length) {
    c.banners.push({
      kind: 'documents_disagree',
      source: 'invoice',
      message: `The invoice and the CSR disagree on the ${c.disagreements.join(', ')}: often a wrong account or an outdated bill. Check both belong to this account.`,
    });
  }
}
