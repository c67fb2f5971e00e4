import type { CoreEvent, EventAudience, EventPayload, EventTopic } from '@shared/contract/events';

/** In-process publish/subscribe from services to hosts. Publish after the commit that the event reports. */
export class EventBus {
  private readonly listeners = new Set<(event: CoreEvent) => void>();

  publish<T extends EventTopic>(topic: T, payload: EventPayload<T>, audience: EventAudience): void {
    const event = { topic, payload, audience } as CoreEvent;
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
