/**
 * The submission channel of a case — the Telnyx API, or a manual ticket with the gaining carrier's
 * support (Plivo-style: documents attached to a ticket, answers by e-mail) — with its dated steps
 * and the rejections received by e-mail; the line type of each number; and the gate every send
 * goes through: a case back from an exception is reviewed again, and the line-type rules apply.
 */
import type {
  CarrierGuidance,
  ChannelView,
  LineFinding,
  ManualRejection,
  ManualStatus,
  ManualSubmission,
  NumberLineType,
  ResubmitGate,
  SubmissionChannel,
} from '../../../shared/contract/channel.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { toE164, type LineType } from '../../../shared/domain/phone.js';
import { carrierGuidance, tollFreeGuidance, type GuidanceReason } from '../compare/carriers.js';
import type { CoreContext } from '../context.js';
import { compareStored, fieldLabel, localDay, recordOutcome, storedInputs } from '../review/review.js';
import { caseLineFindings, caseLineTypes, manualLineTypes } from './case-lines.js';
import { storedRejections } from './received-rejections.js';
import { parseRejectionText } from './rejection-text.js';

interface ChannelRow {
  channel: SubmissionChannel;
  ticket_id: string;
  link: string;
  submitted_by: string;
  status: ManualStatus;
  submitted_on: string | null;
  foc_received_on: string | null;
  foc_date: string | null;
  rejected_on: string | null;
  ported_on: string | null;
}

const NO_ROW: ChannelRow = {
  channel: 'telnyx',
  ticket_id: '',
  link: '',
  submitted_by: '',
  status: 'not-submitted',
  submitted_on: null,
  foc_received_on: null,
  foc_date: null,
  rejected_on: null,
  ported_on: null,
};

export class ChannelService {
  constructor(private readonly ctx: CoreContext) {}

  channelOf(caseId: number): SubmissionChannel {
    return this.row(caseId).channel;
  }

  async view(caseId: number): Promise<ChannelView> {
    const rec = await this.ctx.cases.get(caseId);
    const row = this.row(caseId);
    const lines = this.lines(rec);
    const findings = this.findings(rec, lines);
    const { channel, ...manual } = row;
    return {
      caseId,
      channel,
      manual: { ...manual, rejections: storedRejections(this.ctx.db, caseId) } satisfies ManualSubmission,
      lines,
      findings,
      guidance: this.guidance(rec),
      toll_free_guidance: lines.some((l) => l.line_type === 'toll-free') ? [...tollFreeGuidance()] : [],
      gate: await this.gateFor(rec, findings),
    };
  }

  /** The rejections recorded on the case (the packet's list): no review, no line types. */
  async receivedRejections(caseId: number): Promise<ManualRejection[]> {
    await this.ctx.cases.get(caseId); // an unknown case is an error, not an empty list
    return storedRejections(this.ctx.db, caseId);
  }

  async set(
    caseId: number,
    input: { channel: SubmissionChannel; ticket_id?: string; link?: string; submitted_by?: string },
  ): Promise<ChannelView> {
    await this.ctx.cases.get(caseId);
    const before = this.row(caseId);
    const next = {
      ...before,
      channel: input.channel,
      ticket_id: input.ticket_id ?? before.ticket_id,
      link: input.link ?? before.link,
      submitted_by: input.submitted_by ?? before.submitted_by,
    };
    if (input.channel === 'manual' && before.channel !== 'manual') {
      const live = this.ctx.porting
        .ordersOfCase(caseId)
        .filter((o) => !['cancelled', 'deleted', 'ported'].includes(o.status));
      if (live.length)
        throw new AppError(
          'CONFLICT',
          `Case ${caseId} has Telnyx order(s) ${live.map((o) => o.id).join(', ')}. Cancel them before submitting by ticket instead.`,
        );
    }
    this.write(caseId, next);
    const changes = (['channel', 'ticket_id', 'link', 'submitted_by'] as const)
      .filter((k) => before[k] !== next[k])
      .map((k) => ({ field: `channel.${k}`, from: before[k] || null, to: next[k] || null }));
    if (changes.length) this.ctx.cases.addHistory(caseId, this.ctx.actor(), 'channel', changes, null);
    this.changed(caseId, 'channel-changed');
    return this.view(caseId);
  }

  /** A dated step of a manual submission; the case status follows it. */
  async moveManual(
    caseId: number,
    step: 'submitted' | 'foc-received' | 'ported',
    on: string,
    focDate?: string,
  ): Promise<ChannelView> {
    let rec = await this.ctx.cases.get(caseId);
    const row = this.row(caseId);
    if (row.channel !== 'manual')
      throw new AppError(
        'BAD_INPUT',
        `Case ${caseId} is submitted through the Telnyx API; choose the manual channel first to record ticket steps.`,
      );
    const actor = this.ctx.actor();
    if (step === 'submitted') {
      const gate = await this.gate(caseId);
      if (!gate.allowed) throw new AppError('BLOCKED', gate.refusal ?? 'The case cannot be sent now.', { gate });
      rec = await this.ctx.cases.setStatus(caseId, rec.version, 'submitted', actor, this.ticketNote(row, 'Submitted'));
      this.write(caseId, { ...row, status: 'submitted', submitted_on: on, rejected_on: null });
    } else if (step === 'foc-received') {
      if (!focDate)
        throw new AppError('BAD_INPUT', 'Give the FOC date the carrier confirmed (the porting date), as YYYY-MM-DD.');
      rec = await this.ctx.cases.setStatus(
        caseId,
        rec.version,
        'foc-confirmed',
        actor,
        `FOC ${focDate} received ${on}.`,
      );
      await this.ctx.cases.update(caseId, rec.version, { fields: { foc_date: focDate } }, actor, 'channel-foc');
      this.write(caseId, { ...row, status: 'foc-received', foc_received_on: on, foc_date: focDate });
    } else {
      rec = await this.ctx.cases.setStatus(caseId, rec.version, 'ported', actor, `Ported ${on} (ticket).`);
      this.write(caseId, { ...row, status: 'ported', ported_on: on });
    }
    this.changed(caseId, 'channel-status');
    return this.view(caseId);
  }

  /** A rejection pasted from an e-mail: codes read through the rejection table, kept on the case. */
  async recordRejection(caseId: number, text: string, on: string): Promise<ChannelView> {
    let rec = await this.ctx.cases.get(caseId);
    const codes = parseRejectionText(text);
    const actor = this.ctx.actor();
    this.ctx.db
      .prepare(
        'INSERT INTO case_rejections (case_id, received_on, text, codes, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(caseId, on, text, JSON.stringify(codes), this.ctx.now().toISOString(), actor);
    const list = codes.length ? codes.map((c) => c.code).join(', ') : 'no code recognised';
    const row = this.row(caseId);
    if (row.channel === 'manual' && (rec.status === 'submitted' || rec.status === 'foc-confirmed')) {
      rec = await this.ctx.cases.setStatus(
        caseId,
        rec.version,
        'exception',
        actor,
        `Rejected ${on} by e-mail: ${list}.`,
      );
      this.write(caseId, { ...row, status: 'rejected', rejected_on: on });
    } else {
      this.ctx.cases.addHistory(caseId, actor, 'channel-rejection', [], `Rejection received ${on}: ${list}.`);
    }
    this.changed(caseId, 'channel-rejection');
    return this.view(caseId);
  }

  async setLineType(caseId: number, number: string, lineType: LineType | null): Promise<ChannelView> {
    const rec = await this.ctx.cases.get(caseId);
    const e164 = toE164(number);
    if (!e164 || !rec.numbers.some((n) => n.e164 === e164))
      throw new AppError(
        'BAD_INPUT',
        `${number} is not among the numbers of case ${caseId}. Add it to the case first.`,
      );
    const before = this.manualTypes(caseId).get(e164) ?? null;
    if (lineType === null) {
      this.ctx.db.prepare('DELETE FROM number_line_types WHERE case_id = ? AND number = ?').run(caseId, e164);
    } else {
      this.ctx.db
        .prepare(`INSERT INTO number_line_types (case_id, number, line_type, set_at, set_by) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(case_id, number) DO UPDATE SET line_type = excluded.line_type, set_at = excluded.set_at, set_by = excluded.set_by`)
        .run(caseId, e164, lineType, this.ctx.now().toISOString(), this.ctx.actor());
    }
    if (before !== lineType)
      this.ctx.cases.addHistory(
        caseId,
        this.ctx.actor(),
        'line-type',
        [{ field: `line_type ${e164}`, from: before, to: lineType ?? '(from the check)' }],
        null,
      );
    this.changed(caseId, 'channel-line-type');
    return this.view(caseId);
  }

  /** Manual > the portability check's type > a toll-free area code > unknown, per valid number. */
  lines(rec: CaseRecord): NumberLineType[] {
    return caseLineTypes(this.ctx, rec);
  }

  /** Whether the case may be sent (again) now: the gate of porting.submit and of a manual "submitted". */
  async gate(caseId: number): Promise<ResubmitGate> {
    const rec = await this.ctx.cases.get(caseId);
    return this.gateFor(rec, this.findings(rec, this.lines(rec)));
  }

  private async gateFor(rec: CaseRecord, findings: LineFinding[]): Promise<ResubmitGate> {
    const blockers: ResubmitGate['blockers'] = findings
      .filter((f) => f.level === 'blocker')
      .map((f) => ({ code: f.code ?? 'OTHER', field: 'numbers', reason: f.message }));
    let reviewed = 0;
    if (rec.status === 'exception') {
      // back from the carrier: the fix is judged by the same review that made the case ready
      const s = await storedInputs(this.ctx, rec.id);
      // a document still being read could hold the very mismatch the carrier rejected
      for (const d of s.pending)
        blockers.push({
          code: 'DOCUMENT_NOT_READ',
          field: 'documents',
          reason: `${d.name} (${d.kind ?? 'document'}) is ${d.status}; wait until it is read, so the review sees it.`,
        });
      const { result } = compareStored(this.ctx, s, localDay(this.ctx.now()));
      recordOutcome(this.ctx, rec.id, result);
      // the review predicts the line-type findings too: each is said once
      const lineRules = findings.filter((f) => f.level === 'blocker');
      const predicted = result.predicted_rejections.filter(
        (p) => !lineRules.some((f) => f.code === p.code && p.reason === f.message),
      );
      for (const p of predicted) blockers.push({ code: p.code, field: fieldLabel(p.field), reason: p.reason });
      reviewed = predicted.length + s.pending.length;
    }
    if (blockers.length === 0) return { allowed: true, refusal: null, blockers };
    const list = blockers.map((b) => `${b.code} (${b.field}): ${b.reason}`).join(' ');
    const refusal = reviewed
      ? `Case ${rec.id} cannot be sent again yet: the review still predicts ${blockers.length} rejection${blockers.length === 1 ? '' : 's'}. ${list} Fix them, or move the case back to Review and mark it ready with a written reason.`
      : `Case ${rec.id} cannot be sent yet: ${list}`;
    return { allowed: false, refusal, blockers };
  }

  private findings(rec: CaseRecord, lines: NumberLineType[]): LineFinding[] {
    return caseLineFindings(this.ctx, rec, lines);
  }

  private guidance(rec: CaseRecord): CarrierGuidance[] {
    const named: { name: string; why: GuidanceReason }[] = [
      { name: rec.losing_carrier, why: 'losing' },
      { name: rec.underlying_carrier, why: 'underlying' },
      ...(this.ctx.porting.check(rec.id)?.carrier.names ?? []).map((name) => ({ name, why: 'check' as const })),
    ];
    return carrierGuidance(named.filter((n) => n.name.trim()));
  }

  private manualTypes(caseId: number): Map<string, LineType> {
    return manualLineTypes(this.ctx, caseId);
  }

  private row(caseId: number): ChannelRow {
    const r = this.ctx.db
      .prepare(
        `SELECT channel, ticket_id, link, submitted_by, status, submitted_on, foc_received_on, foc_date, rejected_on, ported_on
         FROM case_channel WHERE case_id = ?`,
      )
      .get(caseId) as ChannelRow | undefined;
    return r ?? NO_ROW;
  }

  private write(caseId: number, r: ChannelRow): void {
    this.ctx.db
      .prepare(`INSERT INTO case_channel (case_id, channel, ticket_id, link, submitted_by, status, submitted_on,
        foc_received_on, foc_date, rejected_on, ported_on, updated_at)
        VALUES (@case_id, @channel, @ticket_id, @link, @submitted_by, @status, @submitted_on, @foc_received_on, @foc_date,
        @rejected_on, @ported_on, @updated_at)
        ON CONFLICT(case_id) DO UPDATE SET channel = excluded.channel, ticket_id = excluded.ticket_id, link = excluded.link,
        submitted_by = excluded.submitted_by, status = excluded.status, submitted_on = excluded.submitted_on,
        foc_received_on = excluded.foc_received_on, foc_date = excluded.foc_date, rejected_on = excluded.rejected_on,
        ported_on = excluded.ported_on, updated_at = excluded.updated_at`)
      .run({ case_id: caseId, ...r, updated_at: this.ctx.now().toISOString() });
  }

  private ticketNote(row: ChannelRow, what: string): string {
    const ticket = row.ticket_id ? ` ticket ${row.ticket_id}` : ' a ticket';
    return `${what} by${ticket}${row.submitted_by ? ` (${row.submitted_by})` : ''}.`;
  }

  private changed(
    caseId: number,
    reason: 'channel-changed' | 'channel-status' | 'channel-rejection' | 'channel-line-type',
  ) {
    this.ctx.events.emit('cases.changed', { ids: [caseId], reason });
  }
}
