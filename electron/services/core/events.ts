import type { EventKey, EventPayload } from '../../../shared/contract/contract.ts';

export type EventListener = <K extends EventKey>(event: K, payload: EventPayload<K>) => void;
export type Emit = <K extends EventKey>(event: K, payload: EventPayload<K>) => void;

/** Fan-out of service events to whichever hosts are listening (IPC, server-sent events, CLI). */
export function createEventBus(): { emit: Emit; subscribe(listener: EventListener): () => void } {
  const listeners = new Set<EventListener>();
  return {
    emit: (event, payload) => {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch {
          // A failing listener (a closed window, a dropped SSE stream) must not break a write.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What a `data.changed` event can name; services report writes as `emit('data.changed', { entities })`. */
export type DataEntity = EventPayload<'data.changed'>['entities'][number];
