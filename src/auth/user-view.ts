import { ApiProperty } from '@nestjs/swagger';
import type { UserDocument } from './persistence/user.schema';

/** The public shape of a user (never the hash). */
export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['admin', 'city'] }) role!: 'admin' | 'city';
  @ApiProperty({ type: String, nullable: true }) cityId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;

  static of(doc: UserDocument): UserView {
    return {
      id: doc._id,
      email: doc.email,
      name: doc.name,
      role: doc.role,
      cityId: doc.cityId ?? null,
      createdAt: new Date(doc.createdAt).toISOString(),
      updatedAt: new Date(doc.updatedAt).toISOString(),
      version: doc.version ?? 1,
    };
  }
}
