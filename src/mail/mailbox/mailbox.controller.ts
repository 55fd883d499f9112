import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, pageOf, pageRequest, type Page } from '../../shared/pagination';
import { DevMailboxRepository } from '../persistence/dev-mailbox.repository';
import { DevMailView } from './dev-mail.view';
import { ListMailboxDto } from './list-mailbox.dto';

/**
 * The development mailbox: without SMTP_URL (the embedded default) every outgoing mail is kept
 * here, so a newcomer can follow an invitation link without a mail server. Empty when SMTP_URL is set.
 */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('admin/mailbox')
@Roles('admin')
export class MailboxController {
  constructor(private readonly mailbox: DevMailboxRepository) {}

  @Get()
  @ApiOperation({ summary: 'List the mails the development mailbox kept (no SMTP_URL), newest first; empty when mail goes to SMTP' })
  @ApiOkResponse({ type: PageOf(DevMailView) })
  @ApiProblems(400, 401, 403)
  async list(@Query() { page, limit, to }: ListMailboxDto): Promise<Page<DevMailView>> {
    const request = pageRequest({ page, limit });
    const { items, total } = await this.mailbox.list(request.page, request.limit, to);
    return pageOf(items.map(DevMailView.of), total, request);
  }
}
