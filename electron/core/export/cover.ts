import type { Correction, ReceivedRejection } from '../../../shared/contract/export.js';
import { FIELD_LABEL, STATUS_LABEL } from '../../../shared/domain/case.js';
import {
  COMPARED_FIELD_LABEL,
  COMPARED_FIELDS,
  type FieldComparison,
  type Verdict,
} from '../../../shared/domain/comparison.js';
import { labelInSentence } from '../../../shared/domain/fields.js';
import { orderStatusLabel } from '../../../shared/porting/mapping.js';
import type { PacketData } from './gather.js';
import { ALERT, GOOD, INK, MUTED, SHADE, type Flow } from './layout.js';
import { provenanceLabel, showPhone } from './loa-values.js';

/*
 * The cover sheet: what the person receiving the packet (carrier support, the gaining carrier's
 * porting desk) and the specialist need at a glance — the case, its orders, the rejections
 * received and what they mean, what was corrected and from where, the full field comparison and
 * the pre-submit checklist.
 */

export interface CoverInput {
  data: PacketData;
  corrections: Correction[];
  includePin: boolean;
  preparedBy: string;
  preparedAt: string;
  /** section titles for the contents block, in order */
  contents: string[];
}

const VERDICT_LABEL: Record<Verdict, string> = {
  match: 'match',
  equivalent: 'same, other form',
  mismatch: 'MISMATCH',
  too_old: 'TOO OLD',
  missing: 'MISSING',
  check: 'CHECK',
  info: 'info',
  not_checked: 'not checked',
};
const VERDICT_COLOR: Partial<Record<Verdict, typeof INK>> = {
  mismatch: ALERT,
  too_old: ALERT,
  missing: ALERT,
  match: GOOD,
};

/** Lists of numbers are counted in the table (they are printed in full on the LOA and in the JSON). */
function cellValue(f: FieldComparison, v: string | undefined): string {
  if (v === undefined) return '—';
  if (f.field === 'phone_numbers') {
    const list = v.split(/,\s*/).filter(Boolean);
    if (list.length > 6) return `${list.length} numbers: ${list.slice(0, 3).map(showPhone).join(', ')}, …`;
    return list.map(showPhone).join(', ');
  }
  return v;
}

type Contents = (pages: { title: string; first: number; last: number }[]) => void;

/** Draws the cover; returns a function that writes the contents (page numbers are known only at the end). */
export function drawCover(flow: Flow, c: CoverInput): Contents {
  const fillContents = drawTitleAndContents(flow, c);
  drawCaseSection(flow, c);
  drawOrdersSection(flow, c.data);
  drawRejectionsSection(flow, c.data);
  drawCorrectionsSection(flow, c);
  drawComparisonSection(flow, c.data);
  drawPredictionsSection(flow, c.data);
  drawChecklistSection(flow, c.data);
  return fillContents;
}

function drawTitleAndContents(flow: Flow, c: CoverInput): Contents {
  const rec = c.data.caseRecord;
  const rejected = c.data.rejections.length > 0;
  flow.drawLine(
    rejected ? 'Porting packet — resubmission after rejection' : 'Porting packet — port request',
    flow.left,
    flow.y,
    { size: 17, bold: true },
  );
  flow.y += 24;
  flow.paragraph(`Case ${rec.id} · ${rec.entity_name || 'unnamed customer'}`, { size: 11, bold: true, after: 1 });
  flow.paragraph(`Prepared ${c.preparedAt} by ${c.preparedBy} with PortDesk`, { size: 9, color: MUTED, after: 6 });

  // Contents: the titles are known now, their pages only once everything is laid out.
  const contentsPage = flow.page;
  const contentsTop = flow.y;
  const lh = flow.lineHeight(9);
  flow.page.drawRectangle({
    x: flow.left,
    y: flow.pageSize[1] - contentsTop - (c.contents.length + 1) * lh - 8,
    width: flow.width,
    height: (c.contents.length + 1) * lh + 8,
    color: SHADE,
  });
  flow.drawLine('Contents', flow.left + 6, contentsTop + 4, { size: 9, bold: true });
  flow.y += (c.contents.length + 1) * lh + 14;

  return (sections) => {
    sections.forEach((s, i) => {
      const pages = s.first === s.last ? `page ${s.first}` : `pages ${s.first}–${s.last}`;
      const y = contentsTop + 4 + (i + 1) * lh;
      const size = 9;
      const saved = flow.page;
      flow.page = contentsPage;
      flow.drawLine(s.title, flow.left + 14, y, { size });
      flow.drawLine(pages, flow.left + flow.width - 6 - flow.textWidth(pages, { size }), y, { size });
      flow.page = saved;
    });
  };
}

function drawCaseSection(flow: Flow, c: CoverInput): void {
  const { data } = c;
  const rec = data.caseRecord;
  flow.heading('Case');
  const pinText =
    !rec.pin_set && !data.pin
      ? 'not set'
      : c.includePin
        ? (data.pin ?? '')
        : 'set — redacted (export with "include PIN" to show it)';
  const numbers = data.comparison.numbers;
  flow.keyValues([
    { label: `Customer (${labelInSentence(FIELD_LABEL.entity_name)})`, value: rec.entity_name, bold: true },
    { label: FIELD_LABEL.authorized_person, value: rec.authorized_person },
    { label: FIELD_LABEL.status, value: STATUS_LABEL[rec.status] },
    { label: FIELD_LABEL.losing_carrier, value: rec.losing_carrier },
    ...(rec.underlying_carrier ? [{ label: FIELD_LABEL.underlying_carrier, value: rec.underlying_carrier }] : []),
    { label: FIELD_LABEL.account_number, value: rec.account_number },
    { label: FIELD_LABEL.btn, value: rec.btn ? showPhone(rec.btn) : '' },
    {
      label: 'Numbers on the case',
      value: `${numbers.to_port.length} to port${numbers.staying.length ? `, ${numbers.staying.length} staying on the account` : ''}`,
    },
    ...(rec.customer_reference ? [{ label: FIELD_LABEL.customer_reference, value: rec.customer_reference }] : []),
    ...(rec.foc_date ? [{ label: FIELD_LABEL.foc_date, value: rec.foc_date }] : []),
    { label: COMPARED_FIELD_LABEL.pin, value: pinText },
  ]);
}

const utcLabel = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

function drawOrdersSection(flow: Flow, data: PacketData): void {
  flow.heading('Porting orders');
  if (data.orders.length === 0) {
    flow.paragraph(
      'No porting order through an API: this port is requested by support ticket or e-mail with this packet.',
      { size: 9.5, color: MUTED },
    );
    return;
  }
  flow.table(
    [
      { title: 'Order id', share: 3.2 },
      { title: 'Support key', share: 1.6 },
      { title: 'Status', share: 1.4 },
      { title: 'FOC', share: 1.6 },
      { title: 'Numbers', share: 0.8 },
    ],
    data.orders.map((o) => ({
      cells: [
        o.id,
        o.support_key ?? '—',
        orderStatusLabel(o.status),
        utcLabel(o.foc_actual ?? o.foc_requested ?? '—'),
        String(o.numbers.length),
      ],
    })),
    { title: 'Porting orders' },
  );
}

/** When and where a rejection came, and whether the order has been resubmitted since. */
function receivedLabel(r: ReceivedRejection): string {
  if (!r.order_id) return 'reported by e-mail or ticket';
  const when = r.received_at ? ` on ${utcLabel(r.received_at)}` : '';
  const state = r.received_at ? (r.resolved_at ? ` · resubmitted ${utcLabel(r.resolved_at)}` : ' · open') : '';
  return `order ${r.order_id}${when}${state}`;
}

function drawRejectionsSection(flow: Flow, data: PacketData): void {
  flow.heading('Rejections received');
  if (data.rejections.length === 0) {
    flow.paragraph('None received yet.', { size: 9.5, color: MUTED });
    return;
  }
  flow.table(
    [
      { title: 'Code', share: 2.7, bold: true },
      { title: 'What it means', share: 3 },
      { title: 'What to do', share: 3 },
      { title: 'Received', share: 1.9 },
    ],
    data.rejections.map((r) => ({
      cells: [r.code + (r.given !== r.code ? ` (received as ${r.given})` : ''), r.meaning, r.action, receivedLabel(r)],
      ...(r.description && r.description !== r.meaning ? { detail: `Carrier's words: ${r.description}` } : {}),
    })),
    { title: 'Rejections received' },
  );
  const comments = data.orders.flatMap((o) =>
    o.comments.filter((m) => m.author !== 'user').map((m) => ({ order: o.id, ...m })),
  );
  if (!comments.length) return;
  flow.paragraph('Comments on the orders', { size: 9.5, bold: true, after: 1 });
  for (const m of comments.slice(-10)) {
    const body = m.body.length > 1200 ? `${m.body.slice(0, 1200)}…` : m.body;
    flow.paragraph(`${m.at ? m.at.slice(0, 16).replace('T', ' ') : ''} ${m.author ?? ''}: ${body}`.trim(), {
      size: 8.5,
      indent: 8,
      after: 2,
    });
  }
}

function drawCorrectionsSection(flow: Flow, c: CoverInput): void {
  const { data } = c;
  flow.heading('What was corrected');
  if (c.corrections.length === 0) {
    flow.paragraph(
      data.chosen.loa
        ? "Nothing: the LOA already agrees with the carrier's records on every field PortDesk checks."
        : "No LOA was received yet: the LOA in this packet is filled from the carrier's records and the case.",
      { size: 9.5, color: MUTED },
    );
    return;
  }
  flow.table(
    [
      { title: 'Field', share: 1.4, bold: true },
      { title: data.chosen.loa ? 'Was (on the LOA received)' : 'Was (case data)', share: 2.6 },
      { title: 'Now (on the corrected LOA)', share: 2.6 },
      { title: 'Taken from', share: 1.9 },
    ],
    c.corrections.map((x) => ({
      cells: [
        x.label,
        x.before === null ? '(missing)' : `${x.before}${x.before_source === 'case' ? ' (case)' : ''}`,
        x.after,
        provenanceLabel(x.from),
      ],
      detail: x.reason,
    })),
    { title: 'What was corrected' },
  );
}

function drawComparisonSection(flow: Flow, data: PacketData): void {
  flow.heading('Field comparison');
  const ref = data.comparison.reference_document;
  flow.paragraph(
    `Reference: ${ref === 'csr' ? 'the CSR' : ref === 'invoice' ? 'the invoice (no CSR)' : 'none — no CSR or invoice was read'}. Documents compared: ${data.comparison.documents.join(', ') || 'none'}.`,
    { size: 8.5, color: MUTED, after: 4 },
  );
  const fields = COMPARED_FIELDS.map((k) => data.comparison.fields[k]).filter((f): f is FieldComparison => !!f);
  flow.table(
    [
      { title: 'Field', share: 1.3, bold: true },
      { title: 'LOA', share: 2 },
      { title: 'Invoice', share: 2 },
      { title: 'CSR', share: 2 },
      { title: 'Case', share: 2 },
      { title: 'Verdict', share: 1.2, bold: true },
    ],
    fields.map((f) => ({
      cells: [
        f.label,
        cellValue(f, f.values.loa),
        cellValue(f, f.values.invoice),
        cellValue(f, f.values.csr),
        cellValue(f, f.values.case),
        VERDICT_LABEL[f.verdict],
      ],
      colors: [undefined, undefined, undefined, undefined, undefined, VERDICT_COLOR[f.verdict]],
      detail: f.reason,
    })),
    { title: 'Field comparison', size: 8 },
  );
}

function drawPredictionsSection(flow: Flow, data: PacketData): void {
  const open = [...data.comparison.predicted_rejections, ...data.comparison.risks];
  if (!open.length) return;
  flow.heading('What PortDesk still predicts');
  flow.table(
    [
      { title: 'Code', share: 2.7, bold: true },
      { title: 'Level', share: 0.9 },
      { title: 'Why', share: 3.6 },
      { title: 'What to do', share: 3 },
    ],
    open.map((p) => ({
      cells: [p.code, p.level, p.reason, p.action],
      colors: [undefined, p.level === 'blocker' ? ALERT : undefined],
    })),
    { title: 'What PortDesk still predicts', size: 8 },
  );
}

type ChecklistItem = PacketData['comparison']['checklist'][number];
interface ChecklistStyle {
  size: number;
  noteSize: number;
  gap: number;
}
const CHECKLIST_NORMAL: ChecklistStyle = { size: 9.5, noteSize: 8.5, gap: 4 };
const CHECKLIST_COMPACT: ChecklistStyle = { size: 8.5, noteSize: 7.5, gap: 1.5 };
/** heading: 6 above, the title line, 4 below the rule */
const headingHeight = (flow: Flow) => 6 + flow.lineHeight(13) + 4;

function itemLines(flow: Flow, item: ChecklistItem, st: ChecklistStyle) {
  const lines = flow.wrap(item.text, flow.width - 110, { size: st.size });
  const notes = item.note ? flow.wrap(item.note, flow.width - 110, { size: st.noteSize }) : [];
  return {
    lines,
    notes,
    height: lines.length * flow.lineHeight(st.size) + notes.length * flow.lineHeight(st.noteSize) + st.gap,
  };
}

function checklistHeight(flow: Flow, items: readonly ChecklistItem[], st: ChecklistStyle): number {
  return headingHeight(flow) + items.reduce((h, item) => h + itemLines(flow, item, st).height, 0);
}

/**
 * The pre-submit checklist is read as one list: it is never split so that a page holds only its
 * last lines. When it does not fit what is left of the page it is set tighter; when even that does
 * not fit, it starts on a new page.
 */
function drawChecklistSection(flow: Flow, data: PacketData): void {
  const items = data.comparison.checklist;
  let st = CHECKLIST_NORMAL;
  if (checklistHeight(flow, items, st) > flow.room) {
    if (checklistHeight(flow, items, CHECKLIST_COMPACT) <= flow.room) st = CHECKLIST_COMPACT;
    else if (checklistHeight(flow, items, st) <= flow.pageRoom) flow.newPage();
  }
  flow.heading('Checklist before submitting');
  for (const item of items) drawChecklistItem(flow, item, st);
  if (data.comparison.reseller) {
    flow.y += 4;
    flow.paragraph(data.comparison.reseller.message, { size: 9, color: MUTED });
  }
}

function drawChecklistItem(flow: Flow, item: ChecklistItem, st: ChecklistStyle): void {
  const state = item.state === 'done' ? 'done' : item.state === 'open' ? 'OPEN' : 'to confirm';
  const { lines, notes, height } = itemLines(flow, item, st);
  const lh = flow.lineHeight(st.size);
  flow.ensure(height);
  const top = flow.y;
  const box = st.size - 0.5;
  const by = flow.pageSize[1] - top - box - 1.5;
  flow.page.drawRectangle({ x: flow.left + 2, y: by, width: box, height: box, borderColor: INK, borderWidth: 0.8 });
  if (item.state === 'done') {
    const tick = (x1: number, y1: number, x2: number, y2: number) =>
      flow.page.drawLine({
        start: { x: flow.left + x1, y: by + y1 },
        end: { x: flow.left + x2, y: by + y2 },
        thickness: 1.2,
        color: GOOD,
      });
    tick(3.5, 4.5, 6, 2);
    tick(6, 2, 10, 8);
  }
  flow.drawLine(state, flow.left + 18, top, {
    size: st.size,
    bold: true,
    color: item.state === 'done' ? GOOD : item.state === 'open' ? ALERT : MUTED,
  });
  lines.forEach((l, i) => flow.drawLine(l, flow.left + 90, top + i * lh, { size: st.size }));
  flow.y += lines.length * lh;
  for (const l of notes) {
    flow.drawLine(l, flow.left + 90, flow.y, { size: st.noteSize, color: MUTED });
    flow.y += flow.lineHeight(st.noteSize);
  }
  flow.y += st.gap;
}
