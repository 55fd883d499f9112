import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { PracticeView } from '../../queries/get-practice/practice.view';
import { candidateCity } from '../acting-city';
import { WithdrawEndorsementCommand } from './withdraw-endorsement.command';

@CommandHandler(WithdrawEndorsementCommand)
export class WithdrawEndorsementHandler implements ICommandHandler<WithdrawEndorsementCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  execute({ practiceId, cityId, ctx }: WithdrawEndorsementCommand): Promise<PracticeView> {
    return this.practices.change(practiceId, async (practice) => {
      const city = candidateCity(ctx, cityId);
      const already = city ? await this.practices.hasEndorsed(practiceId, city) : false;
      const withdrawn = practice.withdrawEndorsement(cityId, actorFrom(ctx), { already });
      await this.practices.saveWithdrawal(practice, withdrawn, ctx);
      return PracticeView.saved(practice);
    });
  }
}
