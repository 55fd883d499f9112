import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CollaborationsReader } from '../../collaborations/collaborations.reader';
import { GetCollaborationsQuery, type Collaboration } from '../../contracts';

/** For other modules; [] for an unknown city. (Partner suggestions no longer ask: projects counts past work with the lead itself.) */
@QueryHandler(GetCollaborationsQuery)
export class GetCollaborationsHandler implements IQueryHandler<GetCollaborationsQuery> {
  constructor(private readonly collaborations: CollaborationsReader) {}

  execute({ cityId }: GetCollaborationsQuery): Promise<Collaboration[]> {
    return this.collaborations.of(cityId);
  }
}
