import { CachedRead } from '../../common/cache/cached-read.interceptor';
import { CITY_AGGREGATE } from '../domain/events';
import type { CommandContext } from '@app/events';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, Roles } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { InputValidationException } from '../../common/http/validation.pipe';
import { PageOf, PaginationQuery, pageRequest, type Page } from '../../shared/pagination';
import { CityView } from '../queries/get-city/city.view';
import { parseCityCsv, CSV_COLUMNS } from '../commands/import-cities/city-csv';
import { AcceptsCsv, CSV_CONTENT_TYPE } from '../commands/import-cities/csv-body-parser';
import { ImportCitiesCommand } from '../commands/import-cities/import-cities.command';
import { ImportCitiesQueryDto } from '../commands/import-cities/import-cities.dto';
import { ImportReport } from '../commands/import-cities/import-report';
import { RegisterCityCommand } from '../commands/register-city/register-city.command';
import { RegisterCityDto } from '../commands/register-city/register-city.dto';
import { UpdateCityProfileCommand } from '../commands/update-city-profile/update-city-profile.command';
import { UpdateCityProfileDto } from '../commands/update-city-profile/update-city-profile.dto';
import type { Collaboration } from '../contracts';
import { CollaborationView } from '../queries/get-collaborations/collaboration.view';
import { ListCollaborationsQuery } from '../queries/get-collaborations/list-collaborations.query';
import { GetCityQuery } from '../queries/get-city/get-city.query';
import { ListCitiesDto } from '../queries/list-cities/list-cities.dto';
import { ListCitiesQuery } from '../queries/list-cities/list-cities.query';

/** HTTP → commands and queries, nothing more. Reads are open to anyone; writes need a token. */
@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List cities, filtered by field, region, country and part of the name (q, accent- and case-insensitive)' })
  @ApiOkResponse({ type: PageOf(CityView) })
  @ApiProblems(400)
  @CachedRead(CITY_AGGREGATE)
  list(@Query() { page, limit, ...filter }: ListCitiesDto): Promise<Page<CityView>> {
    return this.queries.execute(new ListCitiesQuery(filter, pageRequest({ page, limit })));
  }

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register a city (admin)' })
  @ApiCreatedResponse({ type: CityView })
  @ApiProblems(400, 401, 403, 409)
  register(@Body() body: RegisterCityDto, @Ctx() ctx: CommandContext): Promise<CityView> {
    return this.commands.execute(new RegisterCityCommand(body, ctx));
  }

  @Post('import')
  @Roles('admin')
  @AcceptsCsv()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Import cities from a CSV file (admin)',
    description:
      `Body: the CSV file itself, \`Content-Type: ${CSV_CONTENT_TYPE}\`, header \`${CSV_COLUMNS.join(',')}\`. ` +
      'All or nothing: if any row is bad nothing is imported and the answer is a 400 whose `errors` name each bad line ' +
      '(`field` = "line N"). `?partial=true` imports the good rows and reports the bad ones. Cities already registered ' +
      '(same name and country) are left as they are, so importing a file twice changes nothing.',
  })
  @ApiConsumes(CSV_CONTENT_TYPE)
  @ApiBody({
    schema: {
      type: 'string',
      example: 'name,country,region,field,designationYear,lat,lng\nLlíria,ES,europe-north-america,music,2019,39.6255,-0.5965',
    },
  })
  @ApiOkResponse({ type: ImportReport })
  @ApiProblems(400, 401, 403, 409, 413)
  async import(@Body() body: unknown, @Query() { partial }: ImportCitiesQueryDto, @Ctx() ctx: CommandContext): Promise<ImportReport> {
    if (typeof body !== 'string') {
      throw new UnsupportedMediaTypeException(`Send the CSV file as the request body with Content-Type: ${CSV_CONTENT_TYPE}`);
    }
    const report = await this.commands.execute(new ImportCitiesCommand(parseCityCsv(body), { partial: partial ?? false }, ctx));
    if (!report.applied) {
      throw new InputValidationException(report.rejected.flatMap((row) => row.reasons.map((message) => ({ field: `line ${row.line}`, message }))));
    }
    return report;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One city' })
  @ApiOkResponse({ type: CityView })
  @ApiProblems(404)
  @CachedRead(CITY_AGGREGATE, 'id')
  get(@Param('id') id: string): Promise<CityView> {
    return this.queries.execute(new GetCityQuery(id));
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change a city's profile (admin, or a user of that city)" })
  @ApiOkResponse({ type: CityView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id') id: string, @Body() { version, ...profile }: UpdateCityProfileDto, @Ctx() ctx: CommandContext): Promise<CityView> {
    return this.commands.execute(new UpdateCityProfileCommand(id, profile, version, ctx));
  }

  @Get(':id/collaborations')
  @ApiOperation({ summary: 'The cities this one works with, and on which projects (most shared projects first)' })
  @ApiOkResponse({ type: PageOf(CollaborationView) })
  @ApiProblems(400, 404)
  collaborations(@Param('id') id: string, @Query() { page, limit }: PaginationQuery): Promise<Page<Collaboration>> {
    return this.queries.execute(new ListCollaborationsQuery(id, pageRequest({ page, limit })));
  }
}
