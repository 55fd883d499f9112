import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../../shared/reference-data';

export class GraphNodeView {
  @ApiProperty() cityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiPropertyOptional({ minimum: -90, maximum: 90, description: 'absent when the city has no location' }) lat?: number;
  @ApiPropertyOptional({ minimum: -180, maximum: 180 }) lng?: number;
}

/** Two cities (`a` < `b`, city ids) and how much they did together. */
export class GraphEdgeView {
  @ApiProperty() a!: string;
  @ApiProperty() b!: string;
  @ApiProperty({ minimum: 0, description: 'projects both take part in now (lead or accepted partner)' }) projects!: number;
  @ApiProperty({ minimum: 0, description: 'completed exchanges between them, either way' }) exchanges!: number;
}

/** `GET /network/graph`: cities and weighted collaboration edges (a filter keeps the matching cities and the edges among them). */
export class NetworkGraphView {
  @ApiProperty({ type: GraphNodeView, isArray: true, description: 'by name' }) nodes!: GraphNodeView[];
  @ApiProperty({ type: GraphEdgeView, isArray: true, description: 'by a, then b' }) edges!: GraphEdgeView[];
}
