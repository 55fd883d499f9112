import { Command } from '@nestjs/cqrs';
import type { AuthUser } from '../../../auth/contracts';

export class MarkAllReadCommand extends Command<{ updated: number }> {
  constructor(readonly user: AuthUser) {
    super();
  }
}
