import type {
  AnyEvent,
  ErrorCode,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../shared/contract/index.js';
import { pickTransport, TransportError, type LinkState, type Transport } from './transport.js';

export type ClientErrorCode = ErrorCode | TransportError['kind'];

/** Every failed call, from the core (its AppError) or from the way there. */
export class CallError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    readonly method?: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

let transport: Transport | null = null;
function current(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** Tests and the Electron bootstrap may swap the transport before the app renders. */
export function setTransport(t: Transport): void {
  transport = t;
}

export function transportKind(): Transport['kind'] {
  return current().kind;
}

/** Typed RPC: resolves with the method's output, throws CallError with the core's code/message/details. */
export async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let envelope;
  try {
    envelope = await current().call(name, input);
  } catch (err) {
    if (err instanceof TransportError) throw new CallError(err.kind, err.message, undefined, name);
    throw new CallError('INTERNAL', `${name} failed: ${(err as Error)?.message ?? String(err)}`, undefined, name);
  }
  if (envelope.ok) return envelope.value as MethodOutput<M>;
  throw new CallError(envelope.error.code, envelope.error.message, envelope.error.details, name);
}

export function isCallError(err: unknown, code?: ClientErrorCode): err is CallError {
  return err instanceof CallError && (code === undefined || err.code === code);
}

/** A message a person can act on, for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof CallError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

type Listener = (event: AnyEvent) => void;
const listeners = new Set<Listener>();
const linkListeners = new Set<(state: LinkState) => void>();
let linkState: LinkState = 'connecting';
let unsubscribeTransport: (() => void) | null = null;

function ensureStream(): void {
  if (unsubscribeTransport) return;
  unsubscribeTransport = current().subscribe(
    (event) => {
      for (const l of [...listeners]) l(event);
    },
    (state) => {
      linkState = state;
      for (const l of [...linkListeners]) l(state);
    },
  );
}

/** Listen to one core event by name; returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
  ensureStream();
  const l: Listener = (event) => {
    if (event.name === name) handler(event.payload as EventPayload<E>);
  };
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Connection changes of the event stream; after a reconnect, state may have been missed. */
export function onLinkChange(handler: (state: LinkState) => void): () => void {
  ensureStream();
  linkListeners.add(handler);
  handler(linkState);
  return () => linkListeners.delete(handler);
}
