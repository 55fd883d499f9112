import { Query } from '@nestjs/cqrs';

/** The event types each city has muted (they make no inbox item, hence no e-mail), by city id. */
export class MutedTypesQuery extends Query<Map<string, Set<string>>> {
  constructor(readonly cityIds: readonly string[]) {
    super();
  }
}
