import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { DigestPeriod } from '../queue/mail-jobs';

export const DIGEST_PERIODS: DigestPeriod[] = ['daily', 'weekly'];

export class RunDigestsDto {
  @ApiProperty({ enum: DIGEST_PERIODS })
  @IsIn(DIGEST_PERIODS)
  period!: DigestPeriod;
}

export class DigestRunView {
  @ApiProperty({ enum: DIGEST_PERIODS }) period!: DigestPeriod;
  @ApiProperty({ description: 'Digests queued: one per user with this cadence (a user with nothing new gets no mail)' }) queued!: number;
}
