import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListCityPracticeActivityQuery, type CityPracticeActivity } from '../../contracts';
import { ExchangeReadRepository } from '../../persistence/exchange-read.repository';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { practiceSummary } from '../get-practice-summary/practice-summary';

/** A city's published practices and the cities it exchanged with: inputs for partner suggestions. */
@QueryHandler(ListCityPracticeActivityQuery)
export class ListCityPracticeActivityHandler implements IQueryHandler<ListCityPracticeActivityQuery> {
  constructor(
    private readonly practices: PracticeReadRepository,
    private readonly exchanges: ExchangeReadRepository,
  ) {}

  async execute({ cityId }: ListCityPracticeActivityQuery): Promise<CityPracticeActivity> {
    const [practices, exchangePartners] = await Promise.all([this.practices.publishedByCity(cityId), this.exchanges.partnersOf(cityId)]);
    return { cityId, practices: practices.map(practiceSummary), exchangePartners };
  }
}
