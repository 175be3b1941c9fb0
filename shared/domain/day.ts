import { z } from 'zod';

/** A calendar day as the contract carries it (a case's dates, a rejection's, the Due list's): YYYY-MM-DD. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
