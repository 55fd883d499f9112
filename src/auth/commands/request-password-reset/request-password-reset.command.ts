import { Command } from '@nestjs/cqrs';

/** Resolves at once, whether the address is known or not; the link (if any) is made and mailed after. */
export class RequestPasswordResetCommand extends Command<void> {
  constructor(readonly email: string) {
    super();
  }
}
