import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { ProposeProjectDto } from '../propose-project/propose-project.dto';

/**
 * `PATCH /projects/:id`: any editable field (`null` clears an optional one), plus the `version`
 * the client read; a stale version is a 409.
 */
export class UpdateProjectDto extends PartialType(OmitType(ProposeProjectDto, ['leadCityId'] as const)) {
  @ApiProperty({ description: 'The version of the project the change is based on' })
  @IsInt()
  @Min(1)
  version!: number;
}
