import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CountRegionLinksQuery, type RegionLink } from '../../contracts';
import { geographicBalance } from '../../domain/network-stats';
import { InsightReader } from '../../persistence/insight-reader';

/** For partner suggestions: the collaborations in the project's fields linking the lead's region with each other one. */
@QueryHandler(CountRegionLinksQuery)
export class CountRegionLinksHandler implements IQueryHandler<CountRegionLinksQuery> {
  constructor(private readonly reader: InsightReader) {}

  async execute({ region, fields }: CountRegionLinksQuery): Promise<RegionLink[]> {
    const [cities, projects, exchanges] = await Promise.all([
      this.reader.cities(),
      this.reader.projects({ sharedIn: fields }),
      this.reader.exchanges({ completed: true }),
    ]);
    const inFields = fields.length === 0 ? exchanges : exchanges.filter((x) => x.field !== null && fields.includes(x.field));
    const balance = geographicBalance(new Map(cities.map((c) => [c.id, c])), projects, inFields);
    return balance.regions.find((r) => r.region === region)?.links ?? [];
  }
}
