import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AcceptsBody, installRouteBodyParser } from '../../common/http/route-body-parser';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** RFC 8058: mail clients POST the one-click unsubscribe as a form (`List-Unsubscribe=One-Click`). */
export const AcceptsForm = () => AcceptsBody(FORM_CONTENT_TYPE);

/** Lets the routes marked `@AcceptsForm()` take small form bodies, as an object of strings. */
@Injectable()
export class FormBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    installRouteBodyParser(this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined, FORM_CONTENT_TYPE, (text) =>
      Object.fromEntries(new URLSearchParams(text)),
    );
  }
}
