export {
  call,
  CallError,
  errorMessage,
  isCallError,
  onEvent,
  onLinkChange,
  transportKind,
  setTransport,
  type ClientErrorCode,
} from './client.js';
export type { LinkState, PreloadBridge, Transport } from './transport.js';
