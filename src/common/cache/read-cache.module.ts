import { CommitSignal } from '@app/events';
import { Injectable, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CachedReadInterceptor } from './cached-read.interceptor';
import { ReadCache } from './read-cache';

/**
 * This process's own commits invalidate at once, before the command answers (the instance
 * consumers would only get to them a moment later), so a write's caller reads its write here.
 */
@Injectable()
class LocalCommitInvalidation implements OnModuleInit, OnModuleDestroy {
  private stop?: () => void;

  constructor(
    private readonly signal: CommitSignal,
    private readonly cache: ReadCache,
  ) {}

  onModuleInit(): void {
    this.stop = this.signal.listen(({ events }) => events?.forEach((e) => this.cache.invalidate(e.aggregateType, e.aggregateId)));
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}

/** Imported by each module whose reads it keeps (one instance per app: Nest modules are singletons). */
@Module({
  providers: [ReadCache, CachedReadInterceptor, LocalCommitInvalidation],
  exports: [ReadCache, CachedReadInterceptor],
})
export class ReadCacheModule {}
