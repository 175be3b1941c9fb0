import { z } from 'zod';

/**
 * Events the core pushes to every window. Features add their own entries here; the payload schema
 * is the contract both hosts and the renderer rely on.
 */
export const eventsContract = {
  'cases.changed': z.object({ ids: z.array(z.number().int()), reason: z.string() }),
  'jobs.progress': z.object({
    jobId: z.number().int(),
    caseId: z.number().int(),
    documentId: z.number().int(),
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    page: z.number().int(),
    pages: z.number().int(),
    fraction: z.number().min(0).max(1),
    message: z.string().optional(),
  }),
} as const;

export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
