import type { PracticeSummary } from '../../contracts';
import type { PracticeSnapshot } from '../../domain/practice-state';

export function practiceSummary(s: PracticeSnapshot): PracticeSummary {
  return {
    id: s.id,
    title: s.title,
    authorCityId: s.authorCityId,
    field: s.field,
    sdgs: [...s.sdgs],
    language: s.language,
    status: s.status,
    endorsementCount: s.endorsementCount,
  };
}
