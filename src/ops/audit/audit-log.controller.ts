import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, pageRequest, type Page } from '../../shared/pagination';
import { AuditEntryView } from './audit-entry.view';
import { AuditLogStore } from './audit-log.store';
import { ListAuditLogDto } from './list-audit-log.dto';

/** What admins did: every POST/PUT/PATCH/DELETE made with an admin's token, with its outcome. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/audit-log')
@Roles('admin')
export class AuditLogController {
  constructor(private readonly store: AuditLogStore) {}

  @Get()
  @ApiOperation({ summary: 'List admin actions (every write made by an admin, with its outcome), newest first' })
  @ApiOkResponse({ type: PageOf(AuditEntryView) })
  @ApiProblems(400, 401, 403)
  async list(@Query() { page, limit, actor, action, from, to }: ListAuditLogDto): Promise<Page<AuditEntryView>> {
    const request = pageRequest({ page, limit });
    const filter = { actor, action, from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) };
    const { items, total } = await this.store.list(filter, request);
    return { items: items.map(AuditEntryView.of), total, page: request.page, limit: request.limit };
  }
}
