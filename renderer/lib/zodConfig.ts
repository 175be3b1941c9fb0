import { z } from 'zod';

// The CSP forbids eval: keep zod from probing `new Function` (the probe alone logs a violation).
// Imported first by main.tsx, before any schema parses.
z.config({ jitless: true });
