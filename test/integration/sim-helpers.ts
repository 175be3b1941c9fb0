import { openCore, type Core, type CoreOptions } from '../../electron/core/index.js';
import type { PortingOptions } from '../../electron/core/porting/service.js';
import { startHostSimulator, type HostSimulator, type HostSimulatorOptions } from '../../electron/simulator/host.js';

/**
 * A core beside a porting simulator, wired the way the hosts wire them (electron/simulator/host.ts):
 * the core reaches the simulator only through its URL; the simulator reads the carrier's records
 * from the core's documents.
 */
const sims = new WeakMap<Core, HostSimulator>();

export async function openWithSimulator(
  opts: Omit<CoreOptions, 'porting'> & { porting?: PortingOptions; sim?: Partial<HostSimulatorOptions> },
): Promise<Core> {
  const sim = await startHostSimulator({ stateFile: null, ...opts.sim });
  const core = openCore({ ...opts, porting: { ...opts.porting, simulator: sim.endpoint } });
  sim.attach(core);
  core.startBackground(); // as the hosts do: the outbox recovers and the tracker runs from the start
  sims.set(core, sim);
  const close = core.close.bind(core);
  Object.assign(core, {
    close: async () => {
      await close();
      await sim.close();
    },
  });
  return core;
}

export function simulatorOf(core: Core): HostSimulator {
  const sim = sims.get(core);
  if (!sim) throw new Error('this core was not opened with openWithSimulator');
  return sim;
}

/** sim.advance as the renderer's clock chip calls it (through the host, never the core). */
export async function advance(
  core: Core,
  input: { minutes?: number; speed?: number },
): Promise<{ now: string; speed: number }> {
  const res = await simulatorOf(core).dispatch('sim.advance', input);
  if (!res.ok) throw new Error(res.error.message);
  return res.value as { now: string; speed: number };
}
