/**
 * The `total` of a paged list, counted only when the page cannot tell it: a page shorter than its
 * limit is the last one, so the total is the documents skipped plus its own (an empty page past the
 * first may lie beyond the end, and is counted). A list's page is read first, its count after and
 * only then: the short pages of filtered lists (a city's projects…) cost one round trip, not two.
 */
export async function pageTotal(skipped: number, limit: number, found: number, count: () => Promise<number>): Promise<number> {
  if (found < limit && (found > 0 || skipped === 0)) return skipped + found;
  return count();
}
