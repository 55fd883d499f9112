import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { CREATIVE_FIELD_IDS, REGION_IDS, type CreativeField, type Region } from '../../shared/reference-data';
import type { CitySnapshot } from '../domain/city';

const GeoPointSchema = new MongooseSchema({ lat: { type: Number, required: true }, lng: { type: Number, required: true } }, { _id: false });

/** The `cities` collection: one document per city, its state as the aggregate has it. */
@Schema({ collection: 'cities', versionKey: false })
export class CityDocument {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true })
  slug!: string;

  /** Folded name (no accents, lower case): what `?q=` matches and what makes (name, country) unique. */
  @Prop({ type: String, required: true })
  searchName!: string;

  @Prop({ type: String, required: true })
  country!: string;

  @Prop({ type: String, required: true, enum: REGION_IDS })
  region!: Region;

  @Prop({ type: String, required: true, enum: CREATIVE_FIELD_IDS })
  field!: CreativeField;

  @Prop({ type: Number, required: true })
  designationYear!: number;

  @Prop({ type: GeoPointSchema, default: null })
  location!: { lat: number; lng: number } | null;

  @Prop({ type: [String], default: [] })
  languages!: string[];

  @Prop({ type: String, default: null })
  description!: string | null;

  @Prop({ type: String, default: null })
  website!: string | null;

  @Prop({ type: Number, required: true })
  version!: number;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const CitySchema = SchemaFactory.createForClass(CityDocument);
/** (name, country) is unique, ignoring accents and case: "Lliria" cannot sneak in beside "Llíria". */
CitySchema.index({ country: 1, searchName: 1 }, { unique: true, name: 'city_name_country_unique' });
CitySchema.index({ slug: 1 }, { unique: true, name: 'city_slug_unique' });
/** The list's sort order, and `?q=` scans it. */
CitySchema.index({ searchName: 1 }, { name: 'city_search_name' });

export function toCitySnapshot(doc: CityDocument): CitySnapshot {
  return {
    id: doc._id,
    name: doc.name,
    slug: doc.slug,
    searchName: doc.searchName,
    country: doc.country,
    region: doc.region,
    field: doc.field,
    designationYear: doc.designationYear,
    location: doc.location ? { lat: doc.location.lat, lng: doc.location.lng } : null,
    languages: [...(doc.languages ?? [])],
    description: doc.description ?? null,
    website: doc.website ?? null,
    version: doc.version,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
  };
}

/** The stored document of a snapshot at `version`. */
export function toCityDocument(s: CitySnapshot, version: number): CityDocument {
  const { id, ...rest } = s;
  return { _id: id, ...rest, version };
}
