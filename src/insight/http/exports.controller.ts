import { applyDecorators, Controller, Get, StreamableFile, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiOptionalBearerAuth, ApiProblems } from '../../common/http/api-problems.decorator';
import { EXPORT_CONTENT_TYPES, type ExportDataset, type ExportFormat } from '../domain/export-datasets';
import { ExportDatasetQuery } from '../queries/export-dataset/export-dataset.query';
import { CityExportRowView, PracticeExportRowView, ProjectExportRowView } from '../queries/export-dataset/export-row.views';

const ROW_VIEWS: Record<ExportDataset, Type> = { cities: CityExportRowView, projects: ProjectExportRowView, practices: PracticeExportRowView };
const WHAT: Record<ExportDataset, string> = { cities: 'every member city', projects: 'every project', practices: 'every published practice' };

/** The OpenAPI description of one export: the JSON as an array of rows, CSV and NDJSON as text. */
function ExportOperation(dataset: ExportDataset, format: ExportFormat) {
  const summary = `Open data: ${WHAT[dataset]} as ${format.toUpperCase()} (streamed, rows by id, stable columns)`;
  const response =
    format === 'json'
      ? ApiOkResponse({ type: ROW_VIEWS[dataset], isArray: true, description: 'A JSON array of rows' })
      : format === 'csv'
        ? ApiOkResponse({
            description: `RFC 4180, UTF-8, CRLF, a header row with the columns of ${ROW_VIEWS[dataset].name}; lists joined with ';'; text cells starting with = + - @ (or ') prefixed with '`,
            content: { 'text/csv': { schema: { type: 'string' } } },
          })
        : ApiOkResponse({
            description: `One JSON object per line (${ROW_VIEWS[dataset].name})`,
            content: { 'application/x-ndjson': { schema: { type: 'string' } } },
          });
  return applyDecorators(
    Get(`exports/${dataset}.${format}`),
    ApiOperation({ summary }),
    ApiProduces(EXPORT_CONTENT_TYPES[format].split(';')[0]),
    response,
    ApiOptionalBearerAuth(),
    ApiProblems(401),
  );
}

/** `GET /exports/{cities,projects,practices}.{csv,json,ndjson}`: open data, public, streamed from the read models. */
@ApiTags('insight')
@Controller()
export class ExportsController {
  constructor(private readonly queries: QueryBus) {}

  private async send(dataset: ExportDataset, format: ExportFormat): Promise<StreamableFile> {
    const stream = await this.queries.execute(new ExportDatasetQuery(dataset, format));
    return new StreamableFile(stream, { type: EXPORT_CONTENT_TYPES[format], disposition: `attachment; filename="${dataset}.${format}"` });
  }

  @ExportOperation('cities', 'csv')
  citiesCsv(): Promise<StreamableFile> {
    return this.send('cities', 'csv');
  }

  @ExportOperation('cities', 'json')
  citiesJson(): Promise<StreamableFile> {
    return this.send('cities', 'json');
  }

  @ExportOperation('cities', 'ndjson')
  citiesNdjson(): Promise<StreamableFile> {
    return this.send('cities', 'ndjson');
  }

  @ExportOperation('projects', 'csv')
  projectsCsv(): Promise<StreamableFile> {
    return this.send('projects', 'csv');
  }

  @ExportOperation('projects', 'json')
  projectsJson(): Promise<StreamableFile> {
    return this.send('projects', 'json');
  }

  @ExportOperation('projects', 'ndjson')
  projectsNdjson(): Promise<StreamableFile> {
    return this.send('projects', 'ndjson');
  }

  @ExportOperation('practices', 'csv')
  practicesCsv(): Promise<StreamableFile> {
    return this.send('practices', 'csv');
  }

  @ExportOperation('practices', 'json')
  practicesJson(): Promise<StreamableFile> {
    return this.send('practices', 'json');
  }

  @ExportOperation('practices', 'ndjson')
  practicesNdjson(): Promise<StreamableFile> {
    return this.send('practices', 'ndjson');
  }
}
