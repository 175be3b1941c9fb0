import { z } from 'zod';
import { ServiceAddress } from '../domain/document.js';

/**
 * Bodies of the porting simulator's control routes (/_sim/*). They cross an HTTP boundary, so
 * every field is checked and bounded; unknown fields are refused so a typo is not silently ignored.
 */

export const SIM_FAULT_PATH_MAX = 200;

export const SimFault = z
  .object({
    method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional(),
    /**
     * The route (without /v2), matched literally or as a glob: `*` stands for any characters inside
     * one path segment, a `**` segment for any number of segments. Never a regular expression.
     */
    path: z
      .string()
      .max(SIM_FAULT_PATH_MAX)
      .regex(/^[\w\-./*{}~]*$/, 'must be a literal path or a glob (letters, digits, - _ . / * { } ~)')
      .optional(),
    status: z.number().int().min(100).max(599).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    dropAfterHandling: z.boolean().optional(),
    holdAfterHandlingMs: z.number().int().min(0).max(600_000).optional(),
    times: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type SimFault = z.infer<typeof SimFault>;

export const SimFaultsBody = z.object({ faults: z.array(SimFault).max(100) }).strict();

export const SimClockBody = z
  .object({
    speed: z.number().min(0).max(100_000).optional(),
    advanceMinutes: z
      .number()
      .min(0)
      .max(10 * 366 * 24 * 60)
      .optional(),
  })
  .strict();

const text = z.string().max(500);
export const SimCarrierRecord = z.object({
  carrier_name: text.nullish(),
  account_name: text,
  account_number: text,
  btn: text,
  pin: text.nullish(),
  authorized_persons: z.array(text).max(100).optional(),
  service_address: ServiceAddress.partial({ zip4: true }),
  phone_numbers: z.array(z.string().max(40)).max(10_000),
  features: z.array(text).max(100).optional(),
  pending_order: z.boolean().optional(),
});

export const SimCarrierRecordsBody = z.object({ records: z.array(SimCarrierRecord).max(10_000) }).strict();
