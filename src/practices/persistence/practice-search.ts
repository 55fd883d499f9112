import type { Model, QueryFilter } from 'mongoose';
import { PRACTICE_LANGUAGES, type PracticeLanguage } from '../domain/practice-state';
import { skipOf, type PageRequest } from '../../shared/pagination';
import type { PracticeDocument } from './practice.schema';

export const PRACTICE_SORTS = ['recent', 'endorsed', 'relevance'] as const;
export type PracticeSort = (typeof PRACTICE_SORTS)[number];

type Scored = PracticeDocument & { score?: number };

/** The list orders, as MongoDB sorts and as one comparator for merging per-language results. */
const SORTS: Record<PracticeSort, Record<string, 1 | -1 | { $meta: 'textScore' }>> = {
  relevance: { score: { $meta: 'textScore' }, createdAt: -1, _id: -1 },
  recent: { createdAt: -1, _id: -1 },
  endorsed: { endorsementCount: -1, createdAt: -1, _id: -1 },
};

function compare(sort: PracticeSort) {
  const time = (d: Scored) => new Date(d.createdAt).getTime();
  return (a: Scored, b: Scored): number =>
    (sort === 'relevance' ? (b.score ?? 0) - (a.score ?? 0) : 0) ||
    (sort === 'endorsed' ? b.endorsementCount - a.endorsementCount : 0) ||
    time(b) - time(a) ||
    (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);
}

/**
 * Full-text search over the text index (title 10, tags 5, summary 3, body 1). MongoDB stems each
 * practice in its own language (`language_override`) but the query in one language (`$language`,
 * default the index's English), so a Spanish word only finds Spanish practices when the query is
 * stemmed as Spanish. Hence one `$text` query per language, each limited to practices of that
 * language and stemmed like them, merged by the list order (scores of one index are comparable).
 * With a `language` filter that is a single query. Each query returns at most the rows up to the
 * requested page, so a page costs three bounded queries and three counts.
 */
export async function searchPractices(
  model: Model<PracticeDocument>,
  filter: QueryFilter<PracticeDocument>,
  q: string,
  language: PracticeLanguage | undefined,
  sort: PracticeSort,
  page: PageRequest,
): Promise<{ items: PracticeDocument[]; total: number }> {
  const languages = language ? [language] : PRACTICE_LANGUAGES;
  const upTo = skipOf(page) + page.limit;
  const perLanguage = await Promise.all(
    languages.map(async (lang) => {
      const query: QueryFilter<PracticeDocument> = { $and: [filter, { language: lang }], $text: { $search: q, $language: lang } };
      const [docs, total] = await Promise.all([
        model
          .find(query, { score: { $meta: 'textScore' } })
          .sort(SORTS[sort])
          .limit(upTo)
          .lean<Scored[]>()
          .exec(),
        model.countDocuments(query).exec(),
      ]);
      return { docs, total };
    }),
  );
  const merged = perLanguage.flatMap((r) => r.docs).sort(compare(sort));
  const items = merged.slice(skipOf(page), upTo).map(({ score: _score, ...doc }) => doc as PracticeDocument);
  return { items, total: perLanguage.reduce((sum, r) => sum + r.total, 0) };
}

/** A list without words: one sorted, paged query. `relevance` without words means newest first. */
export async function listPractices(
  model: Model<PracticeDocument>,
  filter: QueryFilter<PracticeDocument>,
  sort: PracticeSort,
  page: PageRequest,
): Promise<{ items: PracticeDocument[]; total: number }> {
  const order = sort === 'relevance' ? SORTS.recent : SORTS[sort];
  const [items, total] = await Promise.all([
    model.find(filter).sort(order).skip(skipOf(page)).limit(page.limit).lean<PracticeDocument[]>().exec(),
    model.countDocuments(filter).exec(),
  ]);
  return { items, total };
}
