import path from 'node:path';
import {
  AppError,
  isSimulatorMethodName,
  simulatorContract,
  type Envelope,
  type SimulatorMethodName,
} from '../../shared/contract/index.js';
import type { Core } from '../core/index.js';
import type { SimulatorEndpoint } from '../core/porting/gateway.js';
import { newSecret } from '../core/loopback-guard.js';
import type { Reviewer } from './carrier.js';
import type { SimTimings } from './engine.js';
import { portdeskCarrierRecords, type PortDeskRecords } from './portdesk-records.js';
import { startSimServer, type SimServer } from './server.js';

/**
 * How a host runs the porting simulator beside its core: started before the core (the core only
 * receives its base URL and token, like Telnyx's), fed PortDesk's CSRs and document readings as
 * the carrier's records, and answering the simulator controls (sim.*) the renderer calls.
 */

export interface HostSimulatorOptions {
  /** persist the simulator's state here (JSON); null = memory only */
  stateFile: string | null;
  timings?: Partial<SimTimings>;
  /** tests only: another carrier desk than the simulator's own rules */
  reviewer?: Reviewer;
}

export interface HostSimulator {
  readonly endpoint: SimulatorEndpoint;
  readonly server: SimServer;
  /** connect the carrier's records to the core once it is open */
  attach(core: Core): void;
  /** answer a sim.* method; after moving the clock, the core polls its orders at once */
  dispatch(name: SimulatorMethodName, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

export const simulatorStateFile = (dataDir: string) => path.join(dataDir, 'porting-simulator.json');

/** PortDesk's data as the carrier's records, read from a core (see portdesk-records.ts). */
export function coreRecords(core: Core): PortDeskRecords {
  return {
    documents: (caseId) => core.ctx.documents.repo.list(caseId),
    fields: (documentId) => core.ctx.documents.repo.fields(documentId),
    caseOfNumber: (e164) => core.ctx.porting.caseCarriersOf(e164),
  };
}

export async function startHostSimulator(opts: HostSimulatorOptions): Promise<HostSimulator> {
  let records: PortDeskRecords | null = null;
  const desk = portdeskCarrierRecords({
    documents: (caseId) => records?.documents(caseId) ?? [],
    fields: (id) => records?.fields(id) ?? [],
    caseOfNumber: (e164) => records?.caseOfNumber(e164) ?? null,
  });
  // the simulator accepts only this per-launch token, so a stray client cannot drive it
  const apiKey = `portdesk-sim-${newSecret()}`;
  const server = await startSimServer({
    apiKey,
    stateFile: opts.stateFile,
    timings: opts.timings,
    reviewer: opts.reviewer,
    ...desk,
  });
  let core: Core | null = null;
  return {
    endpoint: { baseUrl: server.url, apiKey },
    server,
    attach(c) {
      core = c;
      records = coreRecords(c);
    },
    async dispatch(name, input) {
      const spec = simulatorContract[name];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success)
        return {
          ok: false,
          error: {
            code: 'BAD_INPUT',
            message: `Invalid input for ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
          },
        };
      try {
        const value = await moveClock(server, parsed.data.minutes, parsed.data.speed);
        await core?.call('porting.refresh', {}).catch(() => undefined);
        return { ok: true, value };
      } catch (err) {
        const e =
          err instanceof AppError
            ? err
            : new AppError('INTERNAL', `The simulator did not answer: ${(err as Error).message}`);
        return { ok: false, error: { code: e.code, message: e.message } };
      }
    },
    close: () => server.close(),
  };
}

/** Through the simulator's own control route, like any client holding its control token. */
async function moveClock(
  server: SimServer,
  minutes: number,
  speed: number | undefined,
): Promise<{ now: string; speed: number }> {
  const res = await fetch(new URL('/_sim/clock', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.controlToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMinutes: minutes, ...(speed === undefined ? {} : { speed }) }),
  });
  if (!res.ok) throw new AppError('INTERNAL', `The simulator refused to move its clock (HTTP ${res.status}).`);
  return (await res.json()) as { now: string; speed: number };
}

/**
 * A host's single entry: simulator controls to the simulator (when one runs), the rest to the core.
 */
export function hostDispatch(
  core: Core,
  sim: HostSimulator | null,
): (name: string, input: unknown) => Promise<Envelope<unknown>> {
  return async (name, input) => {
    if (!isSimulatorMethodName(name)) return core.dispatch(name, input);
    if (!sim)
      return {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message:
            'No porting simulator runs in this PortDesk (a Telnyx API key is in use, or it was started without one).',
        },
      };
    return sim.dispatch(name, input);
  };
}
