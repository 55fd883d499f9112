import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import { cityRow, EXPORT_COLUMNS, practiceRow, projectRow, type Row } from '../../domain/export-datasets';
import { InsightReader } from '../../persistence/insight-reader';
import { ExportDatasetQuery } from './export-dataset.query';
import { exportChunks } from './export-stream';

@QueryHandler(ExportDatasetQuery)
export class ExportDatasetHandler implements IQueryHandler<ExportDatasetQuery> {
  constructor(private readonly reader: InsightReader) {}

  async execute({ dataset, format }: ExportDatasetQuery): Promise<Readable> {
    // City names are few (the network's cities); rows stream from the cursor.
    const names = dataset === 'cities' ? new Map<string, string>() : await this.reader.cityNames();
    const name = (id: string) => names.get(id) ?? null;
    const reader = this.reader;
    async function* rows(): AsyncGenerator<Row> {
      if (dataset === 'cities') for await (const doc of reader.exportCursor('cities')) yield cityRow(doc);
      else if (dataset === 'projects') for await (const doc of reader.exportCursor('projects')) yield projectRow(doc, name);
      else for await (const doc of reader.exportCursor('practices')) yield practiceRow(doc, name);
    }
    return Readable.from(exportChunks(rows(), EXPORT_COLUMNS[dataset], format), { objectMode: false });
  }
}
