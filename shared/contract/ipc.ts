/** Electron IPC channel names, shared by the main process and the preload. */
export const CALL_CHANNEL = 'portdesk:call';
export const EVENT_CHANNEL = 'portdesk:event';
