import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands/index.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = path.resolve('bin/portdesk.mjs');
/** Libraries a CSV import never uses: loading them cost the CLI a third of a second at every start. */
const NOT_FOR_AN_IMPORT = /node_modules\/(pdf-lib|@pdf-lib\/fontkit|pdfjs-dist|tesseract\.js|zipcodes|fflate)\//;

describe('portdesk startup', () => {
  it('loads each command by the words it answers to', async () => {
    for (const entry of COMMANDS) expect((await entry.load()).path).toEqual(entry.path);
  });

  it('imports a CSV without loading the document readers, the packet builder or the ZIP database', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'cases.csv');
    fs.writeFileSync(csv, 'entity_name,numbers,service_zip\nStartup Co,3125550100,60601\n');
    // CommonJS packages imported from ESM still land in require.cache: list them as the process exits
    const probe = path.join(dir, 'probe.mjs');
    fs.writeFileSync(
      probe,
      "import { createRequire } from 'node:module';\nconst cache = createRequire(import.meta.url).cache;\nprocess.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(cache)) + '\\n'));\n",
    );
    const r = spawnSync(process.execPath, ['--import', probe, BIN, 'cases', 'import', csv, '--data-dir', dir], {
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('Imported 1 case(s)');
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]!) as string[];
    expect(loaded.some((f) => f.includes('better-sqlite3'))).toBe(true); // the probe sees CommonJS packages
    expect(loaded.filter((f) => NOT_FOR_AN_IMPORT.test(f))).toEqual([]);
  });
});
