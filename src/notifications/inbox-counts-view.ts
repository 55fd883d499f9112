import { ApiProperty } from '@nestjs/swagger';

/** `GET /notifications/unread-count`: the items of the caller's city not read yet (0 without a city). */
export class UnreadCountView {
  @ApiProperty({ minimum: 0 }) count!: number;
}

/** `POST /notifications/read-all`: how many items this call marked read (0 without a city). */
export class ReadAllView {
  @ApiProperty({ minimum: 0 }) updated!: number;
}
