import { ApiProperty } from '@nestjs/swagger';
import { UPDATE_KINDS, type UpdateKind } from '../../domain/project-state';
import type { ProjectUpdateDocument } from '../../persistence/project-update.schema';

/** A posted news item or milestone. Updates are never edited, so `version` is always 1. */
export class ProjectUpdateView {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: UPDATE_KINDS }) kind!: UpdateKind;
  @ApiProperty({ description: 'The city that posted it (the lead or an accepted partner)' }) authorCityId!: string;
  @ApiProperty({ type: String, nullable: true }) authorUserId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;

  static of(u: Omit<ProjectUpdateDocument, '_id'> & { id: string }): ProjectUpdateView {
    const at = new Date(u.createdAt).toISOString();
    return {
      id: u.id,
      projectId: u.projectId,
      text: u.text,
      kind: u.kind,
      authorCityId: u.authorCityId,
      authorUserId: u.authorUserId ?? null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
  }
}
