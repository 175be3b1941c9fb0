// The only Node-side module that imports `electron`. Everything else lives in the core.
import electron from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/index.js';
import { hostDispatch, simulatorStateFile, startHostSimulator } from '../simulator/host.js';
import { RENDERER_DIR } from '../core/paths.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  createMainWindow,
  hardenWebContents,
  registerAppProtocol,
  registerIpc,
  type BrowserWindowLike,
  type ElectronLike,
  type WebContentsLike,
} from './shell.js';
import { desktopNotifier, type NotificationClass, type NotifiedWindowLike } from './notifications.js';
import { SafeStorageSecretStore } from './safe-storage.js';
import { claimSingleInstance, startOrExplain, type FocusableWindowLike } from './startup.js';
import { startUpdateChecks } from './updater.js';

const { app, dialog, protocol, safeStorage, Notification } = electron;
const here = path.dirname(fileURLToPath(import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

// Electron's real types are richer than the structural ones the shell needs.
const e = electron as unknown as ElectronLike;
const windows: BrowserWindowLike[] = [];
// The windows are real BrowserWindows (createMainWindow's type only names what the shell uses).
const isFirstInstance = claimSingleInstance(app, () => windows as unknown as FocusableWindowLike[]);

if (isFirstInstance)
  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    // the porting simulator stands in for Telnyx while no API key is set; the core knows only its URL
    const sim = await startHostSimulator({ stateFile: simulatorStateFile(dataDir) });
    const core = startOrExplain(app, dialog, () => {
      const opened = openCore({
        dataDir,
        hostKind: 'electron',
        porting: { simulator: sim.endpoint },
        secrets: new SafeStorageSecretStore(safeStorage, path.join(dataDir, 'secrets')),
        hostServices: {
          async pickFiles({ title, filters }) {
            const r = await dialog.showOpenDialog({ title, filters, properties: ['openFile', 'multiSelections'] });
            return r.canceled ? [] : r.filePaths;
          },
          async pickFolder({ title }) {
            const r = await dialog.showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'] });
            return r.canceled ? null : (r.filePaths[0] ?? null);
          },
          // due items (FOC tomorrow, an LOA about to expire…) as OS notifications that open the case
          notify: desktopNotifier(
            Notification as unknown as NotificationClass,
            () => windows as unknown as NotifiedWindowLike[],
          ),
        },
      });
      try {
        sim.attach(opened);
        opened.startBackground();
      } catch (err) {
        void opened.close();
        throw err;
      }
      return opened;
    });
    if (!core) {
      void sim.close();
      return;
    }
    // every later web contents (a devtools or print view, a frame) gets the same locks as the window
    app.on('web-contents-created', (_event, contents) => hardenWebContents(e, contents as unknown as WebContentsLike));
    registerAppProtocol(e, RENDERER_DIR);
    registerIpc(e, core, () => windows, hostDispatch(core, sim));
    const win = createMainWindow(e, path.join(here, 'preload.cjs'));
    windows.push(win);
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    startUpdateChecks(app);
    app.on('window-all-closed', () => {
      void core
        .close()
        .then(() => sim.close())
        .then(() => app.quit());
    });
  });
