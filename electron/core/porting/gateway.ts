import type { PortingChange } from '../../../shared/contract/events.js';
import type { PortingMode } from '../../../shared/contract/porting.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { CaseRepository } from '../cases/repo.js';
import type { AuditLog } from '../db/audit.js';
import type { SettingsRepository } from '../db/settings.js';
import type { EventBus } from '../events.js';
import type { SecretStore } from '../secrets.js';
import { TELNYX_BASE_URL, TelnyxClient, type ClientOptions } from './client.js';

/**
 * The porting gateway: which API PortDesk talks to (Telnyx with the user's key, else the simulator
 * a host started), the client for it, its clock and its health. The outbox, the order sync and
 * the porting service all reach the API through it and depend on nothing else of each other.
 */

export const API_KEY_SECRET = 'telnyxApiKey';
export const BASE_URL_SETTING = 'porting.baseUrl';

/** Where a host's porting simulator answers (electron/simulator), and the token it accepts. */
export interface SimulatorEndpoint {
  baseUrl: string;
  apiKey: string;
}

export interface GatewayOptions {
  /** per-request timeout */
  timeoutMs?: number;
  client?: Pick<ClientOptions, 'maxAttempts' | 'maxInlineWaitMs' | 'backoffBaseMs' | 'observe'>;
  /** used while no Telnyx API key is set; without it porting needs a key */
  simulator?: SimulatorEndpoint;
}

export interface Connection {
  mode: PortingMode;
  /** 'simulator' or the API base URL: orders and outbox items belong to one endpoint */
  endpoint: string;
  baseUrl: string;
  client: TelnyxClient;
  /** the API's clock (the simulator may run ahead) */
  now(): Date;
}

/** What the gateway needs from the core. */
export interface GatewayDeps {
  secrets: SecretStore;
  settings: SettingsRepository;
  audit: AuditLog;
  now(): Date;
  actor(): string;
}

/** The simulator's clock as its last answer stated it, run on locally at its speed. */
class ApiClock {
  private stated: { apiMs: number; localMs: number; speed: number } | null = null;
  constructor(private readonly localNow: () => Date) {}
  observe(apiMs: number, speed: number): void {
    this.stated = { apiMs, localMs: Date.now(), speed };
  }
  get speed(): number {
    return this.stated?.speed ?? 1;
  }
  now(): Date {
    const s = this.stated;
    return s ? new Date(s.apiMs + (Date.now() - s.localMs) * s.speed) : this.localNow();
  }
}

/**
 * The simulator may run days ahead (its clock was moved on, and it persists): learn its time
 * before any view is computed from it. Best effort and outside the audited client (no order is
 * touched); every later answer states the time again.
 */
async function readSimulatorClock(sim: SimulatorEndpoint, clock: ApiClock): Promise<void> {
  try {
    const res = await fetch(`${sim.baseUrl.replace(/\/$/, '')}/porting_orders?page[size]=1`, {
      headers: { Authorization: `Bearer ${sim.apiKey}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(2_000),
    });
    await res.arrayBuffer();
    const stated = Date.parse(res.headers.get('x-simulator-now') ?? '');
    if (Number.isFinite(stated)) clock.observe(stated, Number(res.headers.get('x-simulator-speed') ?? '1') || 0);
  } catch {
    // not reachable yet: the first real call will tell
  }
}

export interface GatewayHealth {
  reachable: boolean | null;
  lastError: string | null;
  lastSyncAt: string | null;
}

export class PortingGateway {
  private conn: Promise<Connection> | null = null;
  private current: Connection | null = null;
  private readonly simClock: ApiClock;
  private state: GatewayHealth = { reachable: null, lastError: null, lastSyncAt: null };
  private closed = false;

  constructor(
    private readonly deps: GatewayDeps,
    private readonly opts: GatewayOptions = {},
  ) {
    this.simClock = new ApiClock(deps.now);
  }

  close(): void {
    this.closed = true;
  }

  connection(): Promise<Connection> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'PortDesk is closing.'));
    this.conn ??= this.connect().catch((err: unknown) => {
      this.conn = null;
      throw err;
    });
    return this.conn;
  }

  currentEndpoint(): string | null {
    return this.current?.endpoint ?? null;
  }

  currentMode(): PortingMode | null {
    return this.current?.mode ?? null;
  }

  /** A new key or base URL: the next call connects afresh. */
  async reconnect(): Promise<void> {
    this.conn = null;
    this.current = null;
    this.state = { ...this.state, reachable: null, lastError: null };
    await this.connection();
  }

  /** Reachability as the last calls found it; shown in the status bar. */
  health(reachable: boolean, error: string | null, synced = false): void {
    this.state = {
      reachable,
      lastError: error,
      lastSyncAt: synced ? this.deps.now().toISOString() : this.state.lastSyncAt,
    };
  }

  healthNow(): GatewayHealth {
    return { ...this.state };
  }

  simulatorSpeed(): number {
    return this.simClock.speed;
  }

  apiName(): string {
    return this.current?.mode === 'telnyx' ? 'Telnyx' : 'the porting simulator';
  }

  apiActor(): string {
    return this.current?.mode === 'telnyx' ? 'Telnyx' : 'Simulator';
  }

  /** A client for a key not saved yet (setApiKey checks it before keeping it). */
  probe(baseUrl: string, apiKey: string): TelnyxClient {
    return new TelnyxClient({ baseUrl, apiKey, timeoutMs: this.opts.timeoutMs ?? 15_000, maxAttempts: 2 });
  }

  private async connect(): Promise<Connection> {
    const key = await this.deps.secrets.get(API_KEY_SECRET);
    const clientOpts = (baseUrl: string, apiKey: string, clock?: ApiClock): ClientOptions => ({
      ...(clock ? { clock: (apiMs: number, speed: number) => clock.observe(apiMs, speed) } : {}),
      baseUrl,
      apiKey,
      timeoutMs: this.opts.timeoutMs,
      ...this.opts.client,
      audit: (a) => {
        this.state = { ...this.state, reachable: a.status !== null };
        this.deps.audit.record({
          actor: this.deps.actor(),
          kind: 'porting.api',
          caseId: a.caseId,
          detail: JSON.stringify({
            method: a.method,
            path: a.path,
            status: a.status,
            ms: a.ms,
            attempt: a.attempt,
            outcome: a.outcome,
            order_id: a.orderId,
            endpoint: key ? baseUrl : 'simulator',
          }),
        });
      },
    });
    let conn: Connection;
    if (key) {
      const baseUrl = this.deps.settings.get(BASE_URL_SETTING) ?? TELNYX_BASE_URL;
      conn = {
        mode: 'telnyx',
        endpoint: baseUrl,
        baseUrl,
        client: new TelnyxClient(clientOpts(baseUrl, key)),
        now: () => this.deps.now(),
      };
    } else {
      const sim = this.opts.simulator;
      if (!sim)
        throw new AppError(
          'BLOCKED',
          'No Telnyx API key is set and no porting simulator runs in this process. Set a key in Porting settings, or open PortDesk (its app and `portdesk serve` start the simulator).',
        );
      const clock = this.simClock;
      conn = {
        mode: 'simulator',
        endpoint: 'simulator',
        baseUrl: sim.baseUrl,
        client: new TelnyxClient(clientOpts(sim.baseUrl, sim.apiKey, clock)),
        now: () => clock.now(),
      };
      await readSimulatorClock(sim, clock);
    }
    this.current = conn;
    return conn;
  }
}

/** What the outbox and the order sync tell the renderer: a case changed because of porting. */
export type NotifyCase = (caseId: number, change: PortingChange) => void;

export function caseNotifier(events: EventBus): NotifyCase {
  return (caseId, change) => events.emit('cases.changed', { ids: [caseId], reason: `porting:${change}` });
}

/** What the outbox and the order sync use of the core besides the gateway. */
export interface PortingCoreDeps {
  cases: CaseRepository;
  now(): Date;
  actor(): string;
}
