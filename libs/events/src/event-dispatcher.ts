import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { redeliveryDelay } from './backoff';
import type { DomainEvent } from './define-event';
import type { EventEnvelope } from './event-envelope';
import { EventRegistry } from './event-registry';
import { EventStore } from './event-store';
import { EVENTS_OPTIONS, type ResolvedEventsOptions } from './events.options';

interface Claim {
  id: string;
  claimId: string;
  /** Failed deliveries before this one, to compute the next backoff. */
  attempts: number;
  /** Set once this delivery was given back, so further failing handlers change nothing. */
  released: boolean;
}

/**
 * Puts stored events on the CQRS EventBus, at most one process per delivery: each event is
 * claimed in MongoDB first, then published. A failure (of the publish here, or of a handler via
 * `redeliverLater`) releases the claim with a backoff, and the relay publishes it again.
 */
@Injectable()
export class EventDispatcher {
  private readonly logger = new Logger(EventDispatcher.name);
  /** The claim behind each published instance, so a handler failure releases exactly that claim. */
  private readonly claims = new WeakMap<DomainEvent, Claim>();

  constructor(
    private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly eventBus: EventBus,
    @Inject(EVENTS_OPTIONS) private readonly options: ResolvedEventsOptions,
  ) {}

  /** After commit: publishes each event in seq order. Never throws; what fails is the relay's. */
  async dispatch(envelopes: readonly EventEnvelope[]): Promise<number> {
    let published = 0;
    for (const envelope of [...envelopes].sort((a, b) => a.seq - b.seq)) {
      if (await this.dispatchOne(envelope, 0)) published++;
    }
    return published;
  }

  /** Claims and publishes one event; false when another process had it or publishing failed. */
  async dispatchOne(envelope: EventEnvelope, attempts: number): Promise<boolean> {
    let claimId: string | null;
    try {
      claimId = await this.store.claim(envelope.id);
    } catch (error) {
      this.logger.warn(`Could not claim event ${envelope.type} #${envelope.seq}; the relay will retry: ${message(error)}`);
      return false;
    }
    if (!claimId) return false;

    const claim: Claim = { id: envelope.id, claimId, attempts, released: false };
    let event: DomainEvent;
    try {
      event = this.registry.instantiate(envelope);
      // Remembered before publishing: a handler that throws synchronously reports during publish().
      this.claims.set(event, claim);
      await this.eventBus.publish(event);
      return true;
    } catch (error) {
      this.logger.error(`Publishing event ${envelope.type} #${envelope.seq} failed; it will be redelivered: ${message(error)}`);
      await this.release(claim, envelope);
      return false;
    }
  }

  /** A handler failed on this published event: give it back to the relay, once per delivery. */
  async redeliverLater(event: DomainEvent, reason: unknown): Promise<void> {
    const claim = this.claims.get(event);
    if (!claim) {
      this.logger.warn(`Handler failed on event ${event.type} #${event.seq}, which this process did not claim; not redelivered`);
      return;
    }
    // Several handlers may fail on one delivery: only the first releases it.
    if (claim.released) return;
    this.logger.warn(`A handler failed on event ${event.type} #${event.seq}; it will be redelivered: ${message(reason)}`);
    await this.release(claim, event);
  }

  private async release(claim: Claim, envelope: EventEnvelope): Promise<void> {
    if (claim.released) return;
    claim.released = true;
    const { backoffBaseMs, backoffMaxMs } = this.options.relay;
    const delay = redeliveryDelay(claim.attempts + 1, backoffBaseMs, backoffMaxMs);
    try {
      await this.store.release(claim.id, claim.claimId, new Date(Date.now() + delay));
    } catch (error) {
      // The event stays claimed: it will not be redelivered automatically. Say so loudly.
      this.logger.error(`Could not release event ${envelope.type} #${envelope.seq} for redelivery: ${message(error)}`);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
