// Child process of cases-import-isolation.test.ts: imports a CSV and dies by SIGKILL (no cleanup,
// as in a power cut) once some of the file's cases are in the database but not all of them.
import fs from 'node:fs';
import { openCore } from '../../electron/core/index.js';

const [dataDir, csvFile] = process.argv.slice(2) as [string, string];
const core = openCore({ dataDir, hostKind: 'loopback' });
const before = (await core.call('cases.list', {})).total;
const count = core.ctx.db.prepare('SELECT count(*) AS n FROM cases');
setInterval(() => {
  const published = (count.get() as { n: number }).n - before;
  if (published > 0) {
    process.stdout.write(`published ${published}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}, 1);
await core.call('cases.importCsv', { csv: fs.readFileSync(csvFile, 'utf8') });
process.stdout.write('finished before it could be stopped\n');
process.exit(3);
