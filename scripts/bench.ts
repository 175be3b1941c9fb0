// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) and prints
// one JSON object of figures. Each module exports `bench(): Promise<object>`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.resolve(import.meta.dirname, '..', 'test', 'bench');
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')));
// Benchmarks may log progress: keep stdout for the one JSON document this script prints.
const stdoutWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  process.stderr.write(chunk, ...rest)) as typeof process.stdout.write;
console.log = (...args: unknown[]) => console.error(...args);
const results: Record<string, unknown> = {
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
};
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { bench(): Promise<object> };
    results[name] = await mod.bench();
  } catch (err) {
    results[name] = { error: (err as Error).message };
  }
}
stdoutWrite(JSON.stringify(results, null, 2) + '\n');
