// Boots THE BUILT PACKAGE's Electron main process (<resources>/app.asar/dist/electron/main.mjs, from
// an extracted copy of the asar) under plain Node, with a stand-in `electron` module in the spirit
// of test/unit/electron-shell.test.ts, and drives what a specialist does through its IPC bridge:
// import a case, attach a text PDF and a scan, read them, review, export a packet. Plain JavaScript
// on purpose: nothing here compiles TypeScript, so only the package's own files can make it work.
// Usage: node package-boot.mjs RESOURCES_DIR DATA_DIR PLAN.json  → one JSON line on stdout.
import fs from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [resourcesDir, dataDir, planFile] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
// What Electron does before the app's first line runs.
process.resourcesPath = path.resolve(resourcesDir);

const rec = {
  readyError: null,
  ipc: null,
  protocol: null,
  windows: [],
  listeners: {},
  quit: false,
  fetched: [],
  notified: [],
};
class BrowserWindow {
  constructor(options) {
    this.options = options;
    rec.windows.push(this);
  }
  webContents = {
    on() {},
    setWindowOpenHandler() {},
    send() {},
    session: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} },
  };
  loadURL = async (url) => {
    this.url = url;
  };
  isDestroyed = () => false;
  on() {}
}
// Electron reads the version from the app's package.json; the update check happens in packaged builds only.
globalThis.__portdeskElectron = {
  app: {
    enableSandbox() {},
    requestSingleInstanceLock: () => true,
    quit() {
      rec.quit = true;
    },
    whenReady: () => Promise.resolve(),
    isPackaged: true,
    name: 'PortDesk',
    getVersion: () =>
      JSON.parse(fs.readFileSync(path.join(process.resourcesPath, 'app.asar', 'package.json'), 'utf8')).version,
    getPath: (name) => {
      if (name !== 'userData') throw new Error(`stand-in: getPath(${name})`);
      return dataDir;
    },
    on(event, listener) {
      (rec.listeners[event] ??= []).push(listener);
    },
  },
  // the app tells the user why it cannot start in an error box, then quits
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showErrorBox: (title, content) => {
      rec.readyError = `${title}: ${content}`;
    },
  },
  protocol: {
    registerSchemesAsPrivileged() {},
    handle: (_scheme, handler) => {
      rec.protocol = handler;
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: () => {
      throw new Error('no keychain');
    },
    decryptString: () => '',
  },
  shell: { openExternal: async () => {} },
  // a due reminder raised while the case is worked (which cases are due depends on the clock) is recorded
  Notification: class {
    static isSupported() {
      return true;
    }
    constructor(options) {
      this.options = options;
    }
    on() {}
    show() {
      rec.notified.push(this.options.title);
    }
  },
  ipcMain: {
    handle: (_channel, handler) => {
      rec.ipc = handler;
    },
  },
  net: {
    fetch: async (url) => {
      rec.fetched.push(url);
      return new Response(fs.readFileSync(new URL(url)));
    },
  },
  BrowserWindow,
};
// openCore failing inside app.whenReady().then(...) surfaces as an unhandled rejection: report it.
process.on('unhandledRejection', (err) => {
  rec.readyError = String(err?.message ?? err);
});
// `electron` resolves to the stand-in for import (main.mjs) and require (electron-updater) alike.
const STAND_IN = 'file:///portdesk-electron-stand-in.cjs';
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: STAND_IN, format: 'commonjs', shortCircuit: true } : next(specifier, context),
  load: (url, context, next) =>
    url === STAND_IN
      ? { format: 'commonjs', source: 'module.exports = globalThis.__portdeskElectron;', shortCircuit: true }
      : next(url, context),
});
// what the app and electron-updater log, for the test to read
const logs = [];
for (const level of ['log', 'debug', 'info', 'warn', 'error'])
  console[level] = (...args) => logs.push(`${level}: ${args.map(String).join(' ')}`);

const main = path.join(process.resourcesPath, 'app.asar', 'dist', 'electron', 'main.mjs');

const frame = { senderFrame: { url: 'app://portdesk/index.html' } };
async function call(name, input) {
  const r = await rec.ipc(frame, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const out = { steps: [], error: null };
const step = (name, detail) => out.steps.push({ name, ...detail });
try {
  await import(pathToFileURL(main).href);
  for (let i = 0; i < 200 && !rec.ipc && !rec.readyError; i++) await new Promise((r) => setTimeout(r, 25));
  if (!rec.ipc)
    throw new Error(
      `the packaged main process never registered its IPC bridge${rec.readyError ? `: ${rec.readyError}` : ''}`,
    );
  const info = await call('app.info', {});
  step('boot', { host: info.host, dataDir: info.dataDir, version: info.version });

  const page = await rec.protocol({ url: 'app://portdesk/index.html' });
  step('renderer', {
    status: page.status,
    html: (await page.text()).includes('<div id="root"'),
    fetched: rec.fetched[0] ?? null,
  });

  const report = await call('cases.importCsv', { csv: plan.csv, fileName: 'cases.csv' });
  const caseId = report.ids[0];
  step('import', { imported: report.imported, rejected: report.rejected.length });

  const docs = {};
  for (const d of plan.documents) {
    const a = await call('documents.attach', {
      caseId,
      name: d.name,
      dataBase64: fs.readFileSync(d.file).toString('base64'),
    });
    await call('documents.setKind', { id: a.id, kind: d.kind });
    docs[d.kind] = a.id;
  }
  const deadline = Date.now() + plan.readTimeoutMs;
  let list = await call('documents.list', { caseId });
  while (list.some((d) => d.status === 'queued' || d.status === 'reading') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    list = await call('documents.list', { caseId });
  }
  for (const d of plan.documents) {
    const detail = await call('documents.get', { id: docs[d.kind] });
    step(`read ${d.kind}`, {
      status: detail.status,
      error: detail.error,
      methods: detail.pageTexts.map((p) => p.method),
      words: detail.pageTexts.flatMap((p) => p.words.map((w) => w.text)),
    });
  }

  if (!plan.readOnly) {
    let version = (await call('cases.get', { id: caseId })).version;
    for (const status of ['documents', 'review'])
      version = (await call('cases.setStatus', { id: caseId, version, status })).version;
    const review = await call('review.compare', { caseId, asOf: plan.asOf });
    step('review', {
      documentsUsed: review.documents_used,
      compared: Object.keys(review.fields).length,
      rejections: review.predicted_rejections.map((r) => r.code),
      pending: review.pending_documents.length,
    });

    const packet = await call('export.packet', { caseId });
    step('packet', {
      files: packet.files.map((f) => f.name),
      pages: packet.pages,
      insideDataDir: packet.dir.startsWith(dataDir),
      pdfMagic: fs
        .readFileSync(path.join(packet.dir, packet.files.find((f) => f.name.endsWith('.pdf')).name))
        .subarray(0, 5)
        .toString(),
    });
  }

  for (const listener of rec.listeners['window-all-closed'] ?? []) listener();
  for (let i = 0; i < 400 && !rec.quit; i++) await new Promise((r) => setTimeout(r, 25));
  step('quit', { quit: rec.quit });
  step('logs', { lines: logs });
} catch (err) {
  out.error = String(err?.message ?? err);
}
process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
