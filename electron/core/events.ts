import { EventEmitter } from 'node:events';
import type { AnyEvent, EventName, EventPayload } from '../../shared/contract/events.js';

/** In-process fan-out of core events to whichever hosts are listening (IPC, SSE, CLI). */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', { name, payload } as AnyEvent);
  }
  subscribe(listener: (event: AnyEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
