import { Query } from '@nestjs/cqrs';
import type { PartnerSuggestionView } from './partner-suggestion.view';

/** Candidate partner cities for a project, best first; 404 for an unknown project. */
export class SuggestPartnersQuery extends Query<PartnerSuggestionView[]> {
  constructor(
    readonly projectId: string,
    readonly limit: number,
  ) {
    super();
  }
}
