import { ApiProperty } from '@nestjs/swagger';
import { CREATIVE_FIELD_IDS, LANGS, REGION_IDS, SDG_IDS, type CreativeField, type Lang, type Region, type Sdg } from '../../../shared/reference-data';

export class ReportCityRefView {
  @ApiProperty() cityId!: string;
  @ApiProperty({ description: 'the city’s name (its id when unknown to the read model)' }) name!: string;
  @ApiProperty({ enum: REGION_IDS, nullable: true, type: String }) region!: Region | null;
}

export class ReportProjectView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['proposed', 'active', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: ReportCityRefView, isArray: true, description: 'the other members now: lead and accepted partners' })
  partners!: ReportCityRefView[];
  @ApiProperty({ enum: SDG_IDS, type: Number, isArray: true }) sdgs!: Sdg[];
}

export class ReportPracticeView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
  @ApiProperty({ enum: SDG_IDS, type: Number, isArray: true }) sdgs!: Sdg[];
  @ApiProperty({ format: 'date-time' }) sharedAt!: string;
  @ApiProperty({ minimum: 0, description: 'endorsements in force now' }) endorsementCount!: number;
}

export class ReportEndorsementView {
  @ApiProperty() practiceId!: string;
  @ApiProperty() practiceTitle!: string;
  @ApiProperty({ type: ReportCityRefView, description: 'the practice’s author (given) or the endorsing city (received)' }) city!: ReportCityRefView;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ReportExchangeView {
  @ApiProperty() id!: string;
  @ApiProperty() practiceId!: string;
  @ApiProperty() practiceTitle!: string;
  @ApiProperty({ type: ReportCityRefView, description: 'the requester (hosted) or the host (requested)' }) city!: ReportCityRefView;
  @ApiProperty({ enum: ['online', 'study-visit', 'mentoring', 'staff-exchange'] }) format!: string;
  @ApiProperty({ enum: ['requested', 'accepted', 'declined', 'cancelled', 'completed'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, description: 'the requester’s rating, once completed' }) rating!:
    number | null;
}

export class ReportPartnerView extends ReportCityRefView {
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
  @ApiProperty({ minimum: 0 }) projects!: number;
  @ApiProperty({ minimum: 0, description: 'completed exchanges' }) exchanges!: number;
}

export class ReportRegionView {
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ description: 'in the report’s language' }) label!: string;
  @ApiProperty({ minimum: 1, description: 'partner cities in it' }) cities!: number;
}

export class ReportSdgView {
  @ApiProperty({ enum: SDG_IDS, type: Number }) sdg!: Sdg;
  @ApiProperty({ description: 'in the report’s language' }) label!: string;
  @ApiProperty({ minimum: 0 }) projects!: number;
  @ApiProperty({ minimum: 0 }) practices!: number;
}

const SUMMARY = { description: 'one generated sentence in the report’s language' };

export class ReportProjectsSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: ReportProjectView, isArray: true }) items!: ReportProjectView[];
}
export class ReportPracticesSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: ReportPracticeView, isArray: true }) items!: ReportPracticeView[];
}
export class ReportEndorsementsSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: ReportEndorsementView, isArray: true }) items!: ReportEndorsementView[];
}
export class ReportExchangesSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'of the completed exchanges, one decimal' }) averageRating!: number | null;
  @ApiProperty({ type: ReportExchangeView, isArray: true }) items!: ReportExchangeView[];
}
export class ReportPartnersSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: ReportPartnerView, isArray: true, description: 'most shared first' }) items!: ReportPartnerView[];
}
export class ReportRegionsSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: ReportRegionView, isArray: true }) items!: ReportRegionView[];
}
export class ReportSdgsSection {
  @ApiProperty(SUMMARY) summary!: string;
  @ApiProperty({ type: ReportSdgView, isArray: true }) items!: ReportSdgView[];
}

export class ReportCityView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ enum: REGION_IDS }) region!: Region;
  @ApiProperty({ enum: CREATIVE_FIELD_IDS }) field!: CreativeField;
}

export class ReportPeriodView {
  @ApiProperty({ format: 'date', description: 'included' }) from!: string;
  @ApiProperty({ format: 'date', description: 'included' }) to!: string;
}

/** `GET /cities/:id/report` as JSON: the city's activity over the period, section by section. */
export class CityReportView {
  @ApiProperty({ type: ReportCityView }) city!: ReportCityView;
  @ApiProperty({ type: ReportPeriodView }) period!: ReportPeriodView;
  @ApiProperty({ enum: LANGS }) lang!: Lang;
  @ApiProperty({ type: ReportProjectsSection }) projectsLed!: ReportProjectsSection;
  @ApiProperty({ type: ReportProjectsSection }) projectsJoined!: ReportProjectsSection;
  @ApiProperty({ type: ReportPracticesSection }) practicesShared!: ReportPracticesSection;
  @ApiProperty({ type: ReportEndorsementsSection }) endorsementsGiven!: ReportEndorsementsSection;
  @ApiProperty({ type: ReportEndorsementsSection }) endorsementsReceived!: ReportEndorsementsSection;
  @ApiProperty({ type: ReportExchangesSection }) exchangesHosted!: ReportExchangesSection;
  @ApiProperty({ type: ReportExchangesSection }) exchangesRequested!: ReportExchangesSection;
  @ApiProperty({ type: ReportPartnersSection }) partnerCities!: ReportPartnersSection;
  @ApiProperty({ type: ReportRegionsSection }) regionsReached!: ReportRegionsSection;
  @ApiProperty({ type: ReportSdgsSection }) sdgs!: ReportSdgsSection;
}
