import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { PracticeView } from '../../queries/get-practice/practice.view';
import { UnhidePracticeCommand } from './unhide-practice.command';

@CommandHandler(UnhidePracticeCommand)
export class UnhidePracticeHandler implements ICommandHandler<UnhidePracticeCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  execute({ practiceId, ctx }: UnhidePracticeCommand): Promise<PracticeView> {
    return this.practices.change(practiceId, async (practice) => {
      practice.unhide(actorFrom(ctx));
      await this.practices.saveModeration(practice, ctx);
      return PracticeView.saved(practice);
    });
  }
}
