import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AcceptsBody, installRouteBodyParser } from '../../../common/http/route-body-parser';

export const CSV_CONTENT_TYPE = 'text/csv';

/** Marks the route that takes a `text/csv` body (POST /cities/import); every other route refuses one with 415. */
export const AcceptsCsv = () => AcceptsBody(CSV_CONTENT_TYPE);

/** Lets the routes marked `@AcceptsCsv()` take `text/csv` bodies, as a string. */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    installRouteBodyParser(this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined, CSV_CONTENT_TYPE, (text) => text);
  }
}
