import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { CommentView } from '../../queries/list-comments/comment.view';

/** A moderator hides a comment; its open reports are resolved. */
export class HideCommentCommand extends Command<CommentView> {
  constructor(
    readonly commentId: string,
    readonly reason: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
