import { z } from 'zod';
import { method } from './rpc.js';

/**
 * Controls of the porting simulator, answered by the host that started it (electron/simulator),
 * never by the core: they are not part of PortDesk's production contract. The renderer's
 * simulator clock chip and the e2e tests call them through the same transport as core methods.
 */
export const simulatorContract = {
  'sim.advance': method(
    z.object({
      minutes: z
        .number()
        .min(0)
        .max(60 * 24 * 120)
        .default(0),
      speed: z.number().min(0).max(100_000).optional(),
    }),
    z.object({ now: z.string(), speed: z.number() }),
    'Simulator only: move its clock forward and/or set how fast it runs.',
  ),
} as const;
