import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { CommentView } from '../../queries/list-comments/comment.view';
import type { CommentOnPracticeDto } from './comment-on-practice.dto';

/** Any signed-in user comments on a published practice. */
export class CommentOnPracticeCommand extends Command<CommentView> {
  constructor(
    readonly practiceId: string,
    readonly input: CommentOnPracticeDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
