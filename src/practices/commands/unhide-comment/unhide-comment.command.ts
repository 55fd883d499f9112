import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { CommentView } from '../../queries/list-comments/comment.view';

/** A moderator publishes a hidden comment again. */
export class UnhideCommentCommand extends Command<CommentView> {
  constructor(
    readonly commentId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
