import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../../shared/reference-data';

export class GetNetworkGraphDto {
  @ApiPropertyOptional({ enum: CREATIVE_FIELD_IDS, description: 'only cities of this creative field' })
  @IsOptional()
  @IsIn(CREATIVE_FIELD_IDS)
  field?: CreativeField;

  @ApiPropertyOptional({ enum: REGION_IDS, description: 'only cities of this region' })
  @IsOptional()
  @IsIn(REGION_IDS)
  region?: Region;
}
