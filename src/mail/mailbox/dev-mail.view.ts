import { ApiProperty } from '@nestjs/swagger';
import type { DevMailDocument } from '../persistence/dev-mailbox.schema';

/** A mail the development mailbox kept. */
export class DevMailView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The Message-ID header' }) messageId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The plain-text part' }) text!: string;
  @ApiProperty({ description: 'The HTML part' }) html!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Extra headers, e.g. List-Unsubscribe' })
  headers!: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;

  static of(d: DevMailDocument): DevMailView {
    return {
      id: d._id,
      messageId: d.messageId,
      from: d.from,
      to: d.to,
      subject: d.subject,
      text: d.text,
      html: d.html,
      headers: { ...d.headers },
      sentAt: new Date(d.sentAt).toISOString(),
    };
  }
}
