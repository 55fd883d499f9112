/** One bar: its label, its count and its length as a share of the longest (0–1). */
export interface BarRow {
  key: string;
  label: string;
  count: number;
  share: number;
}

/** Bars in the order given (fields, regions and SDGs keep their natural order), each sized against the largest. */
export function barRows<T>(items: T[], keyOf: (item: T) => string, labelOf: (item: T) => string, countOf: (item: T) => number): BarRow[] {
  const max = Math.max(0, ...items.map(countOf));
  return items.map((item) => ({ key: keyOf(item), label: labelOf(item), count: countOf(item), share: max > 0 ? countOf(item) / max : 0 }));
}

/**
 * Every month from the first to the last counted ("2026-01".."2026-04"), the missing ones at 0, so a
 * quiet month shows as a gap rather than vanishing from the time line. At most the last `limit` months.
 */
export function monthSeries(items: { month: string; count: number }[], limit = 24): { month: string; count: number }[] {
  if (items.length === 0) return [];
  const counts = new Map(items.map((i) => [i.month, i.count]));
  const sorted = [...counts.keys()].sort();
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  const series: { month: string; count: number }[] = [];
  let [year, month] = first.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    series.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return series.slice(-limit);
}

/** A share (0–1) as a whole percentage for prose and tables. */
export const percent = (share: number) => Math.round(share * 100);

/** "2026-03" as "Mar 2026" in the chosen language (UTC: a month is the same everywhere). */
export const monthLabel = (month: string, language: string) =>
  new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
