// Child process for documents-jobs.test.ts: attach a scanned PDF, report each OCR page, and wait
// to be killed with SIGKILL mid-job (a power cut, the OOM killer, a force quit).
import fs from 'node:fs';
import { openCore } from '../../electron/core/index.js';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('usage: documents-crash-child.ts <dataDir> <file>');
const core = openCore({ dataDir, hostKind: 'loopback' });
core.events.subscribe((e) => {
  if (e.name === 'jobs.progress' && e.payload.state === 'running' && e.payload.page > 0)
    process.stdout.write(`PAGE ${e.payload.page}\n`);
});
const c = await core.call('cases.create', { fields: { entity_name: 'Crash Test LLC' } });
const d = await core.call('documents.attach', {
  caseId: c.id,
  name: 'scan.pdf',
  dataBase64: fs.readFileSync(file).toString('base64'),
});
process.stdout.write(`ATTACHED ${c.id} ${d.id}\n`);
setInterval(() => undefined, 1000);
