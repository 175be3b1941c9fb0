// Child process for porting-outbox.test.ts: create the draft order of a ready case against the
// simulator, whose answer is held back; the parent kills this process with SIGKILL mid-send.
import { openCore } from '../../electron/core/index.js';
import { MemorySecretStore } from '../../electron/core/secrets.js';

const [dataDir, caseId, key] = process.argv.slice(2);
if (!dataDir || !caseId || !key) throw new Error('usage: porting-crash-child.ts <dataDir> <caseId> <apiKey>');
const core = openCore({
  dataDir,
  hostKind: 'loopback',
  secrets: new MemorySecretStore({ TELNYX_API_KEY: key }),
  porting: { timeoutMs: 120_000, waitMs: 120_000 },
});
process.stdout.write('SENDING\n');
await core.call('porting.createDraft', { caseId: Number(caseId) });
process.stdout.write('ANSWERED\n');
