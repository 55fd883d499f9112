/**
 * Assertions on types, checked by `tsc` (`npm run typecheck` includes test/): a file of them
 * compiles only while every assertion holds. No runtime, no dependency.
 */

/** `true` when A and B are the same type, not merely assignable one way or the other. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `T` is `true`: `expectType<Equal<A, B>>(true)`. */
export function expectType<T extends true>(_proof: T): void {}
