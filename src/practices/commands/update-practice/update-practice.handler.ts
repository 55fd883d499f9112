import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Practice } from '../../domain/practice';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { PracticeView } from '../../queries/get-practice/practice.view';
import { UpdatePracticeCommand } from './update-practice.command';

@CommandHandler(UpdatePracticeCommand)
export class UpdatePracticeHandler implements ICommandHandler<UpdatePracticeCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  execute({ practiceId, input, ctx }: UpdatePracticeCommand): Promise<PracticeView> {
    const { version, ...changes } = input;
    const apply = async (practice: Practice): Promise<PracticeView> => {
      practice.update(changes, version, actorFrom(ctx));
      // A PATCH that changes nothing records nothing and keeps the version.
      if (!practice.hasPendingEvents) return PracticeView.of(practice.toSnapshot());
      await this.practices.save(practice, ctx);
      return PracticeView.saved(practice);
    };
    // The client's version decides: a save that finds it moved is its 409. Without one, the
    // change applies to whatever is current (endorsements and comments bump the version too).
    return version === undefined ? this.practices.change(practiceId, apply) : this.practices.load(practiceId).then(apply);
  }
}
