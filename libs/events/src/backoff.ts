/**
 * Delay before redelivering an event whose delivery failed `attempts` times (1 = first failure):
 * base, 2×base, 4×base… capped, so a broken consumer is retried without hammering MongoDB.
 */
export function redeliveryDelay(attempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  return Math.min(maxMs, baseMs * 2 ** exponent);
}
