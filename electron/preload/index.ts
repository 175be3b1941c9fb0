// Sandboxed preload: exposes exactly two functions, nothing of Node or Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/contract/ipc.js';

contextBridge.exposeInMainWorld('portdesk', {
  call: (name: string, input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  onEvent(listener: (event: unknown) => void) {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
