import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** Most answers kept per instance: a page of 20 projects is about 20 KB, so at most ~20 MB. */
export const READ_CACHE_MAX_ENTRIES = 1000;

interface Entry {
  value: unknown;
  /** The generation of each tag when the value was read from the database. */
  generations: number[];
  tags: readonly string[];
}

/**
 * Answers of hot reads kept in memory, each tagged with what it was read from: an aggregate type
 * (`city`, any list of cities) and an aggregate (`city:<id>`). Every event of an aggregate bumps the
 * generation of both its tags, and an answer is served only while all its tags are at the
 * generation they had when its read *started*: a read that raced a commit is never kept as fresh.
 * Invalidation runs on every instance (ReadCacheInvalidator, an instance consumer of the log),
 * and synchronously in the committing process before the command answers, so a write's caller
 * on that instance reads its own write.
 */
@Injectable()
export class ReadCache {
  private readonly entries = new LRUCache<string, Entry>({ max: READ_CACHE_MAX_ENTRIES });
  private readonly generations = new Map<string, number>();
  private hitCount = 0;
  private missCount = 0;

  /** The kept answer for `key` while it is current, synchronously (a hit costs no promise). */
  get(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (!entry || !this.isCurrent(entry)) return undefined;
    this.hitCount++;
    return entry;
  }

  /** The kept answer for `key`, or `load()`'s, kept for next time (a throw is never kept). */
  async read<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
    const hit = this.get(key);
    if (hit) return hit.value as T;
    this.missCount++;
    const generations = tags.map((tag) => this.generation(tag));
    const value = await load();
    this.entries.set(key, { value, generations, tags });
    return value;
  }

  /** An aggregate changed: every answer read from it, or from a list of its type, is stale. */
  invalidate(aggregateType: string, aggregateId: string): void {
    this.bump(aggregateType);
    this.bump(`${aggregateType}:${aggregateId}`);
  }

  get stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.entries.size, hits: this.hitCount, misses: this.missCount };
  }

  private isCurrent(entry: Entry): boolean {
    return entry.tags.every((tag, i) => this.generation(tag) === entry.generations[i]);
  }

  private generation(tag: string): number {
    return this.generations.get(tag) ?? 0;
  }

  private bump(tag: string): void {
    this.generations.set(tag, this.generation(tag) + 1);
  }
}
