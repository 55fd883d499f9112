import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cityRoom, PushToCityCommand } from '../contracts';
import { LiveEmitter } from './live-emitter';

@CommandHandler(PushToCityCommand)
export class PushToCityHandler implements ICommandHandler<PushToCityCommand> {
  constructor(private readonly emitter: LiveEmitter) {}

  execute({ cityId, message, payload }: PushToCityCommand): Promise<void> {
    return this.emitter.toRoom(cityRoom(cityId), message, payload);
  }
}
