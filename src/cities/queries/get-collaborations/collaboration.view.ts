import { ApiProperty } from '@nestjs/swagger';
import { CREATIVE_FIELD_IDS, type CreativeField } from '../../../shared/reference-data';
import type { Collaboration } from '../../contracts';

class CollaboratorView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'Bilbao' }) name!: string;
  @ApiProperty({ example: 'ES' }) country!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
}

class SharedProjectView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

/** A city this one works with, the projects they share and their completed exchanges (most shared first). */
export class CollaborationView implements Collaboration {
  @ApiProperty({ type: CollaboratorView }) city!: CollaboratorView;
  @ApiProperty({ type: [SharedProjectView] }) projects!: SharedProjectView[];
  @ApiProperty({ type: [SharedProjectView], description: 'Completed exchanges, titled by their practice' }) exchanges!: SharedProjectView[];
}
