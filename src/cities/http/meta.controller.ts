import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { negotiateLang } from '../../shared/reference-data';
import { GetMetaDto } from '../queries/get-meta/get-meta.dto';
import { GetMetaQuery } from '../queries/get-meta/get-meta.query';
import { MetaView } from '../queries/get-meta/meta.view';

/** GET /meta: the reference data of the network, localized (`?lang=` first, then Accept-Language). */
@ApiTags('meta')
@Controller('meta')
export class MetaController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Creative fields, regions, action areas, sectors, SDGs and countries with labels in en, es or fr' })
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'Used when `lang` is absent, e.g. `es-ES,es;q=0.9`' })
  @ApiOkResponse({ type: MetaView })
  @ApiProblems(400)
  get(
    @Query() { lang }: GetMetaDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MetaView> {
    const chosen = negotiateLang(lang, acceptLanguage);
    reply.header('Content-Language', chosen).header('Vary', 'Accept-Language');
    return this.queries.execute(new GetMetaQuery(chosen));
  }
}
