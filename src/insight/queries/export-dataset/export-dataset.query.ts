import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { ExportDataset, ExportFormat } from '../../domain/export-datasets';

/** An open-data export as a stream of UTF-8 text (public: hidden practices are never in it). */
export class ExportDatasetQuery extends Query<Readable> {
  constructor(
    readonly dataset: ExportDataset,
    readonly format: ExportFormat,
  ) {
    super();
  }
}
