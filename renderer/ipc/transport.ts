import type { AnyEvent, Envelope } from '../../shared/contract/index.js';

/** What the Electron preload exposes (contextBridge). Nothing else crosses into the page. */
export interface PreloadBridge {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AnyEvent) => void): () => void;
}

declare global {
  interface Window {
    portdesk?: PreloadBridge;
  }
}

/** Connection state of the event stream, for the header indicator. */
/** 'closed': the host refused the stream (signed out); EventSource will not retry by itself. */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * A failure below the contract: the host is gone, the session cookie is missing, the body was
 * refused. The RPC layer turns these into CallErrors with their own codes.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: 'HOST_UNREACHABLE' | 'SESSION_EXPIRED' | 'PROTOCOL',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** listener for every core event; onLink reports (re)connections so callers can resync */
  subscribe(listener: (event: AnyEvent) => void, onLink?: (state: LinkState) => void): () => void;
}

function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    call: (name, input) => bridge.call(name, input),
    subscribe(listener, onLink) {
      onLink?.('open');
      return bridge.onEvent(listener);
    },
  };
}

function isEnvelope(v: unknown): v is Envelope<unknown> {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  const e = v as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (e.ok === true) return 'value' in v;
  return e.ok === false && typeof e.error?.code === 'string' && typeof e.error.message === 'string';
}

function httpTransport(): Transport {
  return {
    kind: 'http',
    async call(name, input) {
      let res: Response;
      try {
        res = await fetch(`/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        throw new TransportError(
          'HOST_UNREACHABLE',
          'PortDesk is not answering at this address. If you restarted it, open the new link it printed; otherwise check that "portdesk serve" is still running.',
        );
      }
      if (res.status === 401) {
        throw new TransportError(
          'SESSION_EXPIRED',
          'This window is no longer signed in (PortDesk was restarted). Open the new link printed by "portdesk serve".',
        );
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new TransportError(
          'PROTOCOL',
          `PortDesk answered ${name} with HTTP ${res.status} and no readable result.`,
        );
      }
      if (isEnvelope(body)) return body;
      throw new TransportError('PROTOCOL', `PortDesk answered ${name} with HTTP ${res.status} and an unexpected body.`);
    },
    subscribe(listener, onLink) {
      const source = new EventSource('/events', { withCredentials: true });
      let everOpened = false;
      onLink?.('connecting');
      source.onopen = () => {
        everOpened = true;
        onLink?.('open');
      };
      // EventSource retries by itself; a caller resyncs when it sees 'open' again.
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) onLink?.('closed');
        else onLink?.(everOpened ? 'reconnecting' : 'connecting');
      };
      source.onmessage = (msg: MessageEvent<string>) => {
        let event: unknown;
        try {
          event = JSON.parse(msg.data);
        } catch {
          return; // a frame we cannot read is not worth breaking the stream for
        }
        if (typeof event === 'object' && event !== null && typeof (event as { name?: unknown }).name === 'string') {
          listener(event as AnyEvent);
        }
      };
      return () => source.close();
    },
  };
}

/** Chosen once at start-up: the preload bridge when running inside Electron, HTTP otherwise. */
export function pickTransport(): Transport {
  return window.portdesk ? ipcTransport(window.portdesk) : httpTransport();
}
