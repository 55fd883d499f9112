import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { skipOf, type PageRequest } from '../../shared/pagination';
import type { CreativeField, Sdg } from '../../shared/reference-data';
import type { PracticeViewer } from '../domain/practice-policy';
import type { CommentSnapshot, PracticeLanguage, PracticeSnapshot, PracticeStatus } from '../domain/practice-state';
import { CommentDocument, commentFromStored } from './comment.schema';
import { fromStored, PracticeDocument } from './practice.schema';
import { listPractices, searchPractices, type PracticeSort } from './practice-search';
import { visibleTo } from './visibility-filter';

export interface PracticeListFilter {
  field?: CreativeField;
  /** The author city. */
  cityId?: string;
  sdg?: Sdg;
  /** Normalized like stored tags (lower case). */
  tag?: string;
  language?: PracticeLanguage;
  status?: PracticeStatus;
  q?: string;
  sort?: PracticeSort;
}

/** One page of a list and the number of matches in all. */
export interface Slice<T> {
  items: T[];
  total: number;
}

/** The read side of practices and their comments: narrow queries for lists, details and other modules. */
@Injectable()
export class PracticeReadRepository {
  constructor(
    @InjectModel(PracticeDocument.name) private readonly practices: Model<PracticeDocument>,
    @InjectModel(CommentDocument.name) private readonly comments: Model<CommentDocument>,
  ) {}

  async findById(id: string): Promise<PracticeSnapshot | null> {
    const doc = await this.practices.findById(id).lean<PracticeDocument>().exec();
    return doc ? fromStored(doc) : null;
  }

  /** `q` searches (best match first unless another sort is asked); without it, newest first. */
  async list(filter: PracticeListFilter, viewer: PracticeViewer, page: PageRequest): Promise<Slice<PracticeSnapshot>> {
    const and: QueryFilter<PracticeDocument>[] = [visibleTo<PracticeDocument>(viewer)];
    if (filter.field) and.push({ field: filter.field });
    if (filter.cityId) and.push({ authorCityId: filter.cityId });
    if (filter.sdg !== undefined) and.push({ sdgs: filter.sdg });
    if (filter.tag) and.push({ tags: filter.tag });
    if (filter.language) and.push({ language: filter.language });
    if (filter.status) and.push({ status: filter.status });
    const query = { $and: and };
    const q = filter.q?.trim();
    const sort = filter.sort ?? (q ? 'relevance' : 'recent');
    const { items, total } = q
      ? await searchPractices(this.practices, query, q, filter.language, sort, page)
      : await listPractices(this.practices, query, sort, page);
    return { items: items.map(fromStored), total };
  }

  async findComment(id: string): Promise<CommentSnapshot | null> {
    const doc = await this.comments.findById(id).lean<CommentDocument>().exec();
    return doc ? commentFromStored(doc) : null;
  }

  /** A practice's comments the viewer may see, oldest first. */
  async listComments(practiceId: string, viewer: PracticeViewer, page: PageRequest): Promise<Slice<CommentSnapshot>> {
    const query: QueryFilter<CommentDocument> = { $and: [{ practiceId }, visibleTo<CommentDocument>(viewer)] };
    const [docs, total] = await Promise.all([
      this.comments.find(query).sort({ createdAt: 1, _id: 1 }).skip(skipOf(page)).limit(page.limit).lean<CommentDocument[]>().exec(),
      this.comments.countDocuments(query).exec(),
    ]);
    return { items: docs.map(commentFromStored), total };
  }

  /** The hidden comments of a practice and their author cities: what the timeline must not show to all. */
  async hiddenComments(practiceId: string): Promise<Map<string, string | null>> {
    const docs = await this.comments
      .find({ practiceId, status: 'hidden' }, { authorCityId: 1 })
      .lean<Pick<CommentDocument, '_id' | 'authorCityId'>[]>()
      .exec();
    return new Map(docs.map((d) => [d._id, d.authorCityId ?? null]));
  }

  /** Titles of practices by id (reports show them). */
  titles(ids: string[]): Promise<Map<string, string>> {
    return fieldById(this.practices, ids, 'title');
  }

  /** Texts of comments by id (reports show them). */
  commentTexts(ids: string[]): Promise<Map<string, string>> {
    return fieldById(this.comments, ids, 'text');
  }

  /** The published practices a city authored, newest first (other modules' city activity). */
  async publishedByCity(cityId: string): Promise<PracticeSnapshot[]> {
    const docs = await this.practices
      .find({ authorCityId: cityId, status: 'published' })
      .sort({ createdAt: -1, _id: -1 })
      .lean<PracticeDocument[]>()
      .exec();
    return docs.map(fromStored);
  }
}

/** One field of the documents with these ids, by id (no query for no ids). */
async function fieldById<D extends { _id: string }, K extends keyof D & string>(
  model: Model<D>,
  ids: string[],
  field: K,
): Promise<Map<string, D[K]>> {
  if (ids.length === 0) return new Map();
  const docs = await model
    .find({ _id: { $in: ids } } as QueryFilter<D>, { [field]: 1 })
    .lean<Pick<D, '_id' | K>[]>()
    .exec();
  return new Map(docs.map((d) => [d._id, d[field]]));
}
