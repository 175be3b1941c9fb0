import type { AuditEntry } from '../../../shared/contract/audit.js';
import type { Db } from './open.js';

/** What the audit trail records: settings changes and every outbound API call (never a secret). */
export type AuditKind = 'settings' | 'porting.api';

const KIND_OF: Record<string, AuditEntry['kind']> = { settings: 'settings', 'porting.api': 'api' };

/**
 * Every change to a case (case_history) and every audit_log row, newest first. The history keeps
 * PINs as "(set)"/"(changed)" and the API log keeps method, path and status only; the reader masks
 * anything shaped like a bearer token or key as a last guard.
 */
const UNION = `
  SELECT at, actor, 'change' AS kind, case_id, action, changes AS detail, note, id AS seq, 0 AS src FROM case_history
  UNION ALL
  SELECT at, COALESCE(actor, '') AS actor, kind, case_id, kind AS action, detail, NULL AS note, id AS seq, 1 AS src FROM audit_log`;

/** The audit_log table: the one place that writes it, and the one reader of the whole trail. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  record(entry: { actor: string; kind: AuditKind; caseId: number | null; detail: string }): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, kind, case_id, detail) VALUES (?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), entry.actor, entry.kind, entry.caseId, entry.detail);
  }

  list(q: { caseId?: number; limit: number }): { total: number; entries: AuditEntry[] } {
    const where = q.caseId === undefined ? '' : 'WHERE case_id = ?';
    const params = q.caseId === undefined ? [] : [q.caseId];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM (${UNION}) ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM (${UNION}) ${where} ORDER BY at DESC, src DESC, seq DESC LIMIT ?`)
      .all(...params, q.limit) as AuditRow[];
    return { total, entries: rows.map(toEntry) };
  }
}

/** A row of UNION: a case change or an audit_log entry, in one shape. */
interface AuditRow {
  at: string;
  actor: string;
  kind: string;
  case_id: number | null;
  action: string;
  detail: string;
  note: string | null;
}

function toEntry(r: AuditRow): AuditEntry {
  const kind = KIND_OF[r.kind] ?? 'change';
  return {
    at: r.at,
    actor: r.actor,
    kind,
    case_id: r.case_id,
    action: kind === 'change' ? r.action : kind === 'api' ? apiAction(r.detail) : 'settings',
    detail: maskSecrets(kind === 'change' ? describeChanges(r.detail, r.note) : r.detail),
  };
}

function describeChanges(json: string, note: string | null): string {
  let text = '';
  try {
    const changes = JSON.parse(json) as { field: string; from: string | null; to: string | null }[];
    text = changes.map((c) => `${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join('; ');
  } catch {
    text = json;
  }
  return note ? (text ? `${text} (${note})` : note) : text;
}

/** "POST /porting_orders → 201" from the gateway's record. */
function apiAction(detail: string): string {
  try {
    const d = JSON.parse(detail) as { method?: string; path?: string; status?: number | null };
    return `${d.method ?? '?'} ${d.path ?? '?'} → ${d.status ?? 'no answer'}`;
  } catch {
    return 'API call';
  }
}

/** Nothing should carry a credential here; if a future writer slips, the reader still hides it. */
export function maskSecrets(text: string): string {
  return text
    .replace(/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 (hidden)')
    .replace(/\bKEY[0-9A-Za-z_]{16,}\b/g, '(API key hidden)')
    .replace(/("?(?:pin|passcode|api_key|apiKey|authorization)"?\s*[:=]\s*)"[^"]+"/gi, '$1"(hidden)"');
}
