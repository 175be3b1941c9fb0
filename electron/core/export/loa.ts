import type { PDFImage } from 'pdf-lib';
import type { CorrectedLoa } from '../../../shared/contract/export.js';
import { FIELD_LABEL } from '../../../shared/domain/case.js';
import { COMPARED_FIELD_LABEL } from '../../../shared/domain/comparison.js';
import { fieldSpec } from '../../../shared/domain/fields.js';
import { INK, MUTED, type Flow } from './layout.js';
import { addressLines, showPhone } from './loa-values.js';

/*
 * The LOA template: customer information exactly as the carrier has it on file, the numbers to
 * port and those staying, the authorization text, and a signature block left for the customer —
 * or carrying the signature drawn in PortDesk, marked as such.
 */

export interface LoaDrawing {
  loa: CorrectedLoa;
  pin: string | null;
  caseId: number;
  preparedOn: string;
  gainingCarrier: string | null;
  signature: { image: PDFImage; caption: string; date: string } | null;
  /** partial port that takes the BTN: the staying numbers need a new one */
  newBtnNeeded: boolean;
}

const NUMBER_COLUMNS = 4;
const BTN_WRITTEN = fieldSpec('btn').spelledOut ?? FIELD_LABEL.btn;
const NOT_TO_PORT = fieldSpec('numbers_not_to_port').display;

export function drawLoa(flow: Flow, d: LoaDrawing): void {
  const { loa } = d;
  flow.drawLine('LETTER OF AUTHORIZATION', flow.left, flow.y, { size: 18, bold: true });
  flow.y += 24;
  flow.drawLine('Authorization to port telephone numbers', flow.left, flow.y, { size: 11, color: MUTED });
  const ref = `Reference: case ${d.caseId} · prepared ${d.preparedOn}`;
  flow.drawLine(ref, flow.left + flow.width - flow.textWidth(ref, { size: 8 }), flow.y + 2, { size: 8, color: MUTED });
  flow.y += 20;
  flow.rule(INK);
  flow.y += 10;

  flow.drawLine("Customer information (as on the current carrier's records)", flow.left, flow.y, {
    size: 11,
    bold: true,
  });
  flow.y += 18;
  const rows: { label: string; value: string; bold?: boolean }[] = [
    { label: 'Entity (business) name', value: loa.entity_name.value, bold: true },
    { label: FIELD_LABEL.authorized_person, value: loa.authorized_person.value },
    ...(loa.signer_title ? [{ label: 'Title', value: loa.signer_title.value }] : []),
    { label: BTN_WRITTEN, value: loa.btn.value ? showPhone(loa.btn.value) : '' },
    { label: FIELD_LABEL.account_number, value: loa.account_number.value },
  ];
  if (loa.pin.on_loa) rows.push({ label: COMPARED_FIELD_LABEL.pin, value: d.pin ?? '' });
  rows.push({ label: 'Current (losing) carrier', value: loa.losing_carrier.value });
  if (loa.underlying_carrier) rows.push({ label: FIELD_LABEL.underlying_carrier, value: loa.underlying_carrier.value });
  rows.push({ label: COMPARED_FIELD_LABEL.service_address, value: addressLines(loa.service_address).join('\n') });
  flow.keyValues(rows, { labelWidth: 160, size: 10.5 });
  if (loa.pin.on_loa && !d.pin) {
    flow.y += 2;
    flow.paragraph(
      'The current carrier requires the account PIN / passcode on this letter: please write it in above.',
      { size: 8.5, color: MUTED, indent: 160 },
    );
  }
  flow.y += 8;

  const losing = loa.losing_carrier.value || 'the current carrier';
  const toPort = COMPARED_FIELD_LABEL.phone_numbers;
  flow.heading(`${toPort} (${loa.numbers_to_port.length})`, 11.5);
  if (loa.numbers_to_port.length) {
    flow.grid(loa.numbers_to_port.map(showPhone), { columns: NUMBER_COLUMNS, title: toPort, size: 10 });
  } else {
    flow.paragraph('No number is listed yet: write the numbers to port here.', { size: 9.5, color: MUTED });
    flow.y += 40;
  }
  if (loa.numbers_not_to_port.length) {
    flow.heading(`${NOT_TO_PORT} — they stay with ${losing} (${loa.numbers_not_to_port.length})`, 11.5);
    flow.grid(loa.numbers_not_to_port.map(showPhone), {
      columns: NUMBER_COLUMNS,
      title: NOT_TO_PORT,
      size: 10,
    });
  }

  const gaining = d.gainingCarrier?.trim() || 'the new service provider';
  const name = loa.entity_name.value || 'the customer named above';
  const authorization = [
    `I, the undersigned, am authorized to act for ${name}. I authorize ${gaining} and its agents to notify ${losing} of this change of service provider and to port the telephone numbers listed above. ` +
      `I understand that service with ${losing} for the ported numbers ends once the port is complete, and that other services tied to these numbers may be affected. ` +
      'The information above matches the records of the current carrier.',
    ...(loa.numbers_not_to_port.length
      ? [`The numbers listed as not to port stay on the account with ${losing}.`]
      : []),
  ];
  // The authorization text and the signature under it stay on one page.
  const textHeight = authorization.reduce(
    (h, p) => h + flow.wrap(p, flow.width, { size: 9.5 }).length * flow.lineHeight(9.5) + 4,
    0,
  );
  flow.ensure(40 + textHeight + (d.newBtnNeeded ? 30 : 0) + (d.signature ? 190 : 150));
  flow.heading('Authorization', 11.5);
  for (const p of authorization) flow.paragraph(p, { size: 9.5, after: 4 });
  // room above the line for the drawn signature, which stands on it
  flow.y += d.signature ? 54 : 16;
  const sigTop = flow.y;
  flow.blank('Authorized signature:', { width: 230 });
  if (d.signature) {
    const box = { w: 220, h: 48 };
    const scale = Math.min(box.w / d.signature.image.width, box.h / d.signature.image.height, 1);
    const w = d.signature.image.width * scale;
    const h = d.signature.image.height * scale;
    const x = flow.left + flow.textWidth('Authorized signature:', { size: 10 }) + 10;
    const baseline = flow.pageSize[1] - sigTop - 11;
    flow.page.drawImage(d.signature.image, { x, y: baseline + 1, width: w, height: h });
  }
  flow.y += 28;
  flow.keyValues([{ label: 'Printed name', value: loa.authorized_person.value }], { labelWidth: 120, size: 10 });
  flow.y += 10;
  if (loa.signer_title) flow.drawLine(`Title: ${loa.signer_title.value}`, flow.left, flow.y, { size: 10 });
  else flow.blank('Title:', { width: 170 });
  if (d.signature) {
    flow.drawLine(`Date: ${d.signature.date}`, flow.left + 260, flow.y, { size: 10 });
  } else {
    flow.blank('Date:', { width: 140, x: flow.left + 260 });
  }
  flow.y += 24;
  if (d.newBtnNeeded) {
    flow.blank('New BTN for the numbers that stay:', { width: 160 });
    flow.y += 24;
  }
  if (d.signature) {
    flow.paragraph(d.signature.caption, { size: 8.5, color: MUTED });
  }
}
