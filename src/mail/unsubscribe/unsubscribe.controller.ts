import { NotFoundError } from '@app/domain';
import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GetMailRecipientQuery, SetEmailCadenceCommand } from '../../auth/contracts';
import { Public } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import type { Lang } from '../../shared/reference-data';
import { AcceptsForm } from './form-body-parser';
import { askPage, donePage } from './unsubscribe-page';
import { UnsubscribeLinks } from './unsubscribe-links';
import { UnsubscribeBodyDto, UnsubscribeQueryDto } from './unsubscribe.dto';

const HTML = 'text/html; charset=utf-8';
const page = { description: 'An HTML page for the person who opened the link', content: { 'text/html': { schema: { type: 'string' } } } };

/**
 * One-click unsubscribe (RFC 8058), no sign-in: the signed link in every e-mail's
 * `List-Unsubscribe` header. A mail client POSTs it; a person opening it gets a page that asks first.
 */
@ApiTags('mail')
@Controller('mail/unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  @ApiOperation({ summary: 'The page of an unsubscribe link: asks whether to stop e-mails (changes nothing)' })
  @ApiProduces('text/html')
  @ApiOkResponse(page)
  @ApiProblems(400, 404)
  async ask(@Query() { token }: UnsubscribeQueryDto): Promise<string> {
    const lang = await this.languageOf(token);
    return askPage(lang, `/api/v1/mail/unsubscribe?token=${encodeURIComponent(token)}`);
  }

  @Post()
  @HttpCode(200)
  @AcceptsForm()
  @Header('Content-Type', HTML)
  @ApiOperation({ summary: 'Stop e-mails of notifications for the user of the link (RFC 8058 one-click; no sign-in)' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiProduces('text/html')
  @ApiOkResponse(page)
  @ApiProblems(400, 404, 415)
  async unsubscribe(@Query() { token }: UnsubscribeQueryDto, @Body() _body: UnsubscribeBodyDto): Promise<string> {
    const lang = await this.languageOf(token);
    await this.commands.execute(new SetEmailCadenceCommand(this.links.userOf(token)!, 'off'));
    return donePage(lang);
  }

  /** The language of the link's user; a link we did not sign, or of a user gone, is a 404 (it names nobody). */
  private async languageOf(token: string): Promise<Lang> {
    const userId = this.links.userOf(token);
    const user = userId ? await this.queries.execute(new GetMailRecipientQuery(userId)) : null;
    if (!user)
      throw Object.assign(new NotFoundError('unsubscribe-link', ''), {
        message: 'This unsubscribe link is not valid, or its user no longer exists.',
      });
    return user.language;
  }
}
