import { ApiProperty } from '@nestjs/swagger';
import type { DeadLetter } from '@app/events';
import { DEAD_LETTER_STATUSES } from './list-dead-letters.dto';

/** A dead letter as admins see it: which consumer gave up on which event, and why. */
export class DeadLetterView {
  @ApiProperty({ example: 'notifications.fan-out@6f1c…', description: 'Consumer name @ event id' }) id!: string;
  @ApiProperty({ example: 'notifications.fan-out' }) consumer!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'PartnerInvited' }) type!: string;
  @ApiProperty({ example: 'project' }) aggregateType!: string;
  @ApiProperty() aggregateId!: string;
  @ApiProperty({ description: 'Attempts made so far' }) attempts!: number;
  @ApiProperty({ description: 'The last error' }) error!: string;
  @ApiProperty({ enum: DEAD_LETTER_STATUSES }) status!: DeadLetter['status'];
  @ApiProperty({ format: 'date-time' }) parkedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(letter: DeadLetter): DeadLetterView {
    const { _id, parkedAt, updatedAt, ...rest } = letter;
    return Object.assign(new DeadLetterView(), { id: _id, ...rest, parkedAt: parkedAt.toISOString(), updatedAt: updatedAt.toISOString() });
  }
}
