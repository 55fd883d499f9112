import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UnhandledExceptionBus } from '@nestjs/cqrs';
import type { Subscription } from 'rxjs';
import { DomainEvent } from './define-event';
import { EventDispatcher } from './event-dispatcher';

/**
 * CQRS event handlers are fire-and-forget: their errors only reach the UnhandledExceptionBus.
 * This turns such an error on a DomainEvent into a redelivery of that event to all its handlers
 * (which is why handlers must be idempotent).
 */
@Injectable()
export class HandlerFailureRedelivery implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly unhandledExceptions: UnhandledExceptionBus,
    private readonly dispatcher: EventDispatcher,
  ) {}

  onModuleInit(): void {
    this.subscription = this.unhandledExceptions.subscribe(({ cause, exception }) => {
      if (!(cause instanceof DomainEvent)) return;
      const pending = this.dispatcher.redeliverLater(cause, exception).finally(() => this.inFlight.delete(pending));
      this.inFlight.add(pending);
    });
  }

  /** Lets releases already under way finish before the connection closes. */
  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    this.subscription = null;
    await Promise.allSettled([...this.inFlight]);
  }
}
