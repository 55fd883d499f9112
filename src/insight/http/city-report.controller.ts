import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { Authenticated, CurrentUser } from '../../common/http/auth.decorators';
import type { AuthUser } from '../../shared/auth-user';
import { negotiateLang } from '../../shared/reference-data';
import { CityReportView } from '../queries/get-city-report/city-report.view';
import { GetCityReportDto } from '../queries/get-city-report/get-city-report.dto';
import { GetCityReportQuery } from '../queries/get-city-report/get-city-report.query';
import { reportCsv } from '../queries/get-city-report/report-csv';
import { reportHtml } from '../queries/get-city-report/report-html';

/** A city's activity report for the network's periodic monitoring (its users and admins only). */
@ApiTags('insight')
@ApiExtraModels(CityReportView)
@Controller('cities')
export class CityReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/report')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The city’s activity over a period (its users and admins): projects, practices, endorsements, exchanges, partners, SDGs' })
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'Used when `lang` is absent, e.g. `fr-FR,fr;q=0.9`' })
  @ApiOkResponse({
    description: '`format=json` (default): the report; `csv`: one table (a summary row per section, then its lines); `html`: a printable page',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CityReportView) } },
      'text/csv': { schema: { type: 'string' } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 401, 403, 404)
  async report(
    @Param('id') id: string,
    @Query() { from, to, format = 'json', lang }: GetCityReportDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityReportView | string> {
    const chosen = negotiateLang(lang, acceptLanguage);
    const report = await this.queries.execute(new GetCityReportQuery(id, { from, to }, chosen, { role: user.role, cityId: user.cityId }));
    reply.header('Content-Language', chosen).header('Vary', 'Accept-Language');
    if (format === 'csv') {
      reply
        .type('text/csv; charset=utf-8; header=present')
        .header('Content-Disposition', `attachment; filename="report-${report.city.id}-${report.period.from}-${report.period.to}.csv"`);
      return reportCsv(report);
    }
    if (format === 'html') {
      reply.type('text/html; charset=utf-8');
      return reportHtml(report);
    }
    return report;
  }
}
