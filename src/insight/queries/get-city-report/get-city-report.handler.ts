import { ForbiddenError, InvalidInputError, NotFoundError } from '@app/domain';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cityReport, type CityReport, type ReportPeriod } from '../../domain/city-report';
import { InsightReader } from '../../persistence/insight-reader';
import { GetCityReportQuery } from './get-city-report.query';

/** The UCCN membership monitoring report covers four years. */
const DEFAULT_YEARS = 4;

@QueryHandler(GetCityReportQuery)
export class GetCityReportHandler implements IQueryHandler<GetCityReportQuery> {
  constructor(private readonly reader: InsightReader) {}

  async execute({ cityId, period, lang, viewer }: GetCityReportQuery): Promise<CityReport> {
    if (viewer.role !== 'admin' && viewer.cityId !== cityId) {
      throw new ForbiddenError('insight.report-not-yours', 'Only the users of a city and admins may read its activity report');
    }
    const resolved = resolvePeriod(period, new Date());
    const city = await this.reader.city(cityId);
    if (!city) throw new NotFoundError('city', cityId);
    const activity = await this.reader.activityOf(cityId);
    const named = new Set<string>([
      ...activity.projects.flatMap((p) => [p.leadCityId, ...p.partnerIds]),
      ...activity.endorsementsGiven.map((e) => e.authorCityId),
      ...activity.endorsementsReceived.map((e) => e.cityId),
      ...activity.exchanges.flatMap((x) => [x.hostCityId, x.requesterCityId]),
    ]);
    const cities = new Map((await this.reader.cities([...named])).map((c) => [c.id, c]));
    return cityReport({ city, cities, ...activity }, resolved, lang);
  }
}

/** `to` defaults to today (UTC), `from` to four years before it; both real dates, `from` <= `to`. */
export function resolvePeriod({ from, to }: { from?: string; to?: string }, now: Date): ReportPeriod {
  const end = to ?? now.toISOString().slice(0, 10);
  checkDate('to', end);
  let start = from;
  if (start === undefined) {
    const d = new Date(`${end}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() - DEFAULT_YEARS);
    d.setUTCDate(d.getUTCDate() + 1);
    start = d.toISOString().slice(0, 10);
  }
  checkDate('from', start);
  if (start > end) throw new InvalidInputError('from', `from (${start}) must not be after to (${end})`);
  return { from: start, to: end };
}

function checkDate(field: string, value: string): void {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InvalidInputError(field, `${field}: ${value} is not a valid date YYYY-MM-DD`);
  }
}
