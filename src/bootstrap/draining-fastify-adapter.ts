import { FastifyAdapter } from '@nestjs/platform-fastify';

/**
 * Shutdown starts by draining HTTP (ARCHITECTURE rule 6): Nest calls `beforeClose` before any
 * module's `onModuleDestroy`, so the server stops accepting here and the requests in flight finish
 * while the queues, the event relay and its redelivery of failed handlers are still up. Without
 * this, Nest closes HTTP last: a write still running when the queues close has its enqueue fail
 * after the redelivery listener is gone, and its event stays claimed, never notified.
 */
export class DrainingFastifyAdapter extends FastifyAdapter {
  private closing: Promise<void> | null = null;
  /** Runs first: closes the live WebSocket connections, which would keep the server from closing. */
  beforeDrain: () => void = () => undefined;

  override async beforeClose(): Promise<void> {
    super.beforeClose();
    this.beforeDrain();
    await this.close();
  }

  /** Once: Nest calls it again after the module hooks. */
  override close(): Promise<void> {
    this.closing ??= super.close();
    return this.closing;
  }
}
