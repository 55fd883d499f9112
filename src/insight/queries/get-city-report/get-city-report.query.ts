import { Query } from '@nestjs/cqrs';
import type { Lang } from '../../../shared/reference-data';
import type { CityReport } from '../../domain/city-report';

/** Who asks for a report: only the city's own users and admins may read it. */
export interface ReportViewer {
  role: 'admin' | 'city';
  cityId: string | null;
}

export class GetCityReportQuery extends Query<CityReport> {
  constructor(
    readonly cityId: string,
    readonly period: { from?: string; to?: string },
    readonly lang: Lang,
    readonly viewer: ReportViewer,
  ) {
    super();
  }
}
