import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CollaborationsReader } from '../../collaborations/collaborations.reader';
import { GetCollaborationsQuery, type Collaboration } from '../../contracts';

/** For other modules (partner suggestions: "past collaboration"); [] for an unknown city. */
@QueryHandler(GetCollaborationsQuery)
export class GetCollaborationsHandler implements IQueryHandler<GetCollaborationsQuery> {
  constructor(private readonly collaborations: CollaborationsReader) {}

  execute({ cityId }: GetCollaborationsQuery): Promise<Collaboration[]> {
    return this.collaborations.of(cityId);
  }
}
