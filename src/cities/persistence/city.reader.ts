import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { pageTotal } from '../../infra/mongo/page-total';
import { pageOf, skipOf, type Page, type PageRequest } from '../../shared/pagination';
import type { CreativeField, Region } from '../../shared/reference-data';
import { escapeRegex, foldForSearch } from '../../shared/search-text';
import type { CitySnapshot } from '../domain/city';
import { CityDocument, toCitySnapshot } from './city.schema';

export interface CityFilter {
  field?: CreativeField;
  region?: Region;
  country?: string;
  /** Part of the name, without regard to accents or case. */
  q?: string;
}

/** The read side of the cities collection, for the query handlers. Sorted by name everywhere. */
@Injectable()
export class CityReader {
  constructor(@InjectModel(CityDocument.name) private readonly cities: Model<CityDocument>) {}

  async findById(id: string): Promise<CitySnapshot | null> {
    const doc = await this.cities.findById(id).lean<CityDocument>().exec();
    return doc ? toCitySnapshot(doc) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.cities.exists({ _id: id }).exec()) !== null;
  }

  /** The given cities (unknown ids skipped), or every city when `ids` is undefined. */
  async findMany(ids?: readonly string[]): Promise<CitySnapshot[]> {
    const filter: QueryFilter<CityDocument> = ids ? { _id: { $in: [...ids] } } : {};
    const docs = await this.cities.find(filter).sort({ searchName: 1, country: 1 }).lean<CityDocument[]>().exec();
    return docs.map(toCitySnapshot);
  }

  async list(filter: CityFilter, page: PageRequest): Promise<Page<CitySnapshot>> {
    const query = toQuery(filter);
    const skip = skipOf(page);
    const docs = await this.cities.find(query).sort({ searchName: 1, country: 1 }).skip(skip).limit(page.limit).lean<CityDocument[]>().exec();
    const total = await pageTotal(skip, page.limit, docs.length, () => this.cities.countDocuments(query).exec());
    return pageOf(docs.map(toCitySnapshot), total, page);
  }
}

function toQuery({ field, region, country, q }: CityFilter): QueryFilter<CityDocument> {
  const query: QueryFilter<CityDocument> = {};
  if (field) query.field = field;
  if (region) query.region = region;
  if (country) query.country = country;
  const folded = q ? foldForSearch(q) : '';
  // Escaped: a user's `q` is a literal, never a pattern (no ReDoS, no operators).
  if (folded) query.searchName = { $regex: escapeRegex(folded) };
  return query;
}
