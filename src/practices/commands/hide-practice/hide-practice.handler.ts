import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { PracticeView } from '../../queries/get-practice/practice.view';
import { HidePracticeCommand } from './hide-practice.command';

@CommandHandler(HidePracticeCommand)
export class HidePracticeHandler implements ICommandHandler<HidePracticeCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  execute({ practiceId, reason, ctx }: HidePracticeCommand): Promise<PracticeView> {
    return this.practices.change(practiceId, async (practice) => {
      practice.hide(reason, actorFrom(ctx));
      await this.practices.saveModeration(practice, ctx);
      return PracticeView.saved(practice);
    });
  }
}
