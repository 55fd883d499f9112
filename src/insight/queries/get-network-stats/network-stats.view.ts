import { ApiProperty } from '@nestjs/swagger';
import { CREATIVE_FIELD_IDS, REGION_IDS, SDG_IDS, type CreativeField, type Region, type Sdg } from '../../../shared/reference-data';

export class StatsFieldCountView {
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @ApiProperty({ minimum: 0 }) count!: number;
}

export class StatsRegionCountView {
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ minimum: 0 }) count!: number;
}

export class StatsStatusCountView {
  @ApiProperty({ example: 'active', description: 'a status of the kind counted (project, practice or exchange statuses)' }) status!: string;
  @ApiProperty({ minimum: 0 }) count!: number;
}

export class StatsSdgCountView {
  @ApiProperty({ enum: SDG_IDS, type: Number }) sdg!: Sdg;
  @ApiProperty({ minimum: 0 }) count!: number;
}

export class StatsMonthCountView {
  @ApiProperty({ example: '2026-03', pattern: '^\\d{4}-\\d{2}$', description: 'UTC month' }) month!: string;
  @ApiProperty({ minimum: 0 }) count!: number;
}

/**
 * Counts of one kind of thing. Every field and region is listed (zeros too), every status of the
 * kind, every SDG for kinds that have SDGs (none for cities), months with something only, oldest
 * first. A thing with several fields, regions or SDGs counts under each.
 */
export class StatsCountsView {
  @ApiProperty({ minimum: 0 }) total!: number;
  @ApiProperty({ type: StatsFieldCountView, isArray: true }) byField!: StatsFieldCountView[];
  @ApiProperty({ type: StatsRegionCountView, isArray: true }) byRegion!: StatsRegionCountView[];
  @ApiProperty({ type: StatsStatusCountView, isArray: true }) byStatus!: StatsStatusCountView[];
  @ApiProperty({ type: StatsSdgCountView, isArray: true }) bySdg!: StatsSdgCountView[];
  @ApiProperty({ type: StatsMonthCountView, isArray: true }) byMonth!: StatsMonthCountView[];
}

export class BalanceEntryView {
  @ApiProperty({ minimum: 0, description: 'shared projects (≥ 1 accepted partner now) and completed exchanges' }) collaborations!: number;
  @ApiProperty({ minimum: 0, description: 'those whose cities are in more than one region' }) crossRegion!: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'crossRegion / collaborations, 4 decimals; 0 without collaborations' }) share!: number;
}

export class FieldBalanceView extends BalanceEntryView {
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
}

export class YearBalanceView extends BalanceEntryView {
  @ApiProperty({ example: 2026, description: 'a project’s proposal year, an exchange’s completion year' }) year!: number;
}

export class RegionLinkView {
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ minimum: 0, description: 'shared projects with cities in both regions' }) projects!: number;
  @ApiProperty({ minimum: 0, description: 'completed exchanges between the two regions' }) exchanges!: number;
}

export class RegionBalanceView extends BalanceEntryView {
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ type: RegionLinkView, isArray: true, description: 'links to each other region (zeros too)' }) links!: RegionLinkView[];
}

/** How many collaborations cross regions (the network's 2023 evaluation found them unbalanced). */
export class BalanceView extends BalanceEntryView {
  @ApiProperty({ type: BalanceEntryView }) projects!: BalanceEntryView;
  @ApiProperty({ type: BalanceEntryView }) exchanges!: BalanceEntryView;
  @ApiProperty({ type: FieldBalanceView, isArray: true }) byField!: FieldBalanceView[];
  @ApiProperty({ type: YearBalanceView, isArray: true, description: 'years with collaborations, oldest first' }) byYear!: YearBalanceView[];
  @ApiProperty({ type: RegionBalanceView, isArray: true }) regions!: RegionBalanceView[];
}

/** `GET /stats`: the network in numbers, from the insight read models. */
export class NetworkStatsView {
  @ApiProperty({ type: StatsCountsView, description: 'by field, region and month registered' }) cities!: StatsCountsView;
  @ApiProperty({ type: StatsCountsView, description: 'regions of the lead and accepted partners; month proposed' }) projects!: StatsCountsView;
  @ApiProperty({ type: StatsCountsView, description: 'published practices (hidden ones in byStatus only); the author’s region; month shared' })
  practices!: StatsCountsView;
  @ApiProperty({ type: StatsCountsView, description: 'field and SDGs of the practice; regions of both cities; month requested' })
  exchanges!: StatsCountsView;
  @ApiProperty({ type: BalanceView }) balance!: BalanceView;
}
