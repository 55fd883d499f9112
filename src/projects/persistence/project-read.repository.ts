import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model } from 'mongoose';
import type { CreativeField, Sdg } from '../../shared/reference-data';
import { CURRENT_PARTNER_STATUSES, type ProjectSnapshot, type ProjectStatus } from '../domain/project-state';
import { fromStored, ProjectDocument } from './project.schema';
import { ProjectUpdateDocument } from './project-update.schema';
import { escapeRegex, foldForSearch } from '../../shared/search-text';
import { skipOf, type PageRequest } from '../../shared/pagination';
import { pageTotal } from '../../infra/mongo/page-total';

export interface ProjectListFilter {
  status?: ProjectStatus;
  field?: CreativeField;
  /** Lead, or a current partner (invited, requested or accepted). */
  cityId?: string;
  sdg?: Sdg;
  q?: string;
}

/** One page of a list and the number of matches in all. */
export interface Slice<T> {
  items: T[];
  total: number;
}

/** The read side of projects: narrow queries for the list, the detail, updates and suggestions. */
@Injectable()
export class ProjectReadRepository {
  constructor(
    @InjectModel(ProjectDocument.name) private readonly projects: Model<ProjectDocument>,
    @InjectModel(ProjectUpdateDocument.name) private readonly updates: Model<ProjectUpdateDocument>,
  ) {}

  async findById(id: string): Promise<ProjectSnapshot | null> {
    const doc = await this.projects.findById(id).lean<ProjectDocument>().exec();
    return doc ? fromStored(doc) : null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.projects.exists({ _id: id }).exec()) !== null;
  }

  /** Newest first. */
  async list(filter: ProjectListFilter, page: PageRequest): Promise<Slice<ProjectSnapshot>> {
    const query = listQuery(filter);
    const skip = skipOf(page);
    const docs = await this.projects.find(query).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(page.limit).lean<ProjectDocument[]>().exec();
    const total = await pageTotal(skip, page.limit, docs.length, () => this.projects.countDocuments(query).exec());
    return { items: docs.map(fromStored), total };
  }

  /** A project's posted updates, newest first. */
  async listUpdates(projectId: string, page: PageRequest): Promise<Slice<ProjectUpdateDocument>> {
    const skip = skipOf(page);
    const items = await this.updates
      .find({ projectId })
      .sort({ createdAt: -1, _id: -1 })
      .skip(skip)
      .limit(page.limit)
      .lean<ProjectUpdateDocument[]>()
      .exec();
    const total = await pageTotal(skip, page.limit, items.length, () => this.updates.countDocuments({ projectId }).exec());
    return { items, total };
  }

  /**
   * For each city, the SDGs of the projects it led or joined (accepted), cancelled ones and
   * `excludeProjectId` left out: what partner suggestions compare a project's SDGs with.
   * The network has a few hundred cities and their projects; one projected scan is enough.
   */
  async pastSdgsByCity(excludeProjectId: string): Promise<Record<string, Sdg[]>> {
    const docs = await this.projects
      .find({ _id: { $ne: excludeProjectId }, status: { $ne: 'cancelled' } }, { leadCityId: 1, partners: 1, sdgs: 1 })
      .lean<Pick<ProjectDocument, 'leadCityId' | 'partners' | 'sdgs'>[]>()
      .exec();
    const byCity = new Map<string, Set<Sdg>>();
    for (const doc of docs) {
      for (const cityId of membersOf(doc)) {
        const sdgs = byCity.get(cityId) ?? new Set<Sdg>();
        for (const sdg of doc.sdgs) sdgs.add(sdg);
        byCity.set(cityId, sdgs);
      }
    }
    return Object.fromEntries([...byCity].map(([cityId, sdgs]) => [cityId, [...sdgs].sort((a, b) => a - b)]));
  }

  /**
   * For each other city, the number of projects it takes part in with `cityId` (each as lead or
   * accepted partner, whatever the project's status), `excludeProjectId` left out: "worked with
   * the lead before" for partner suggestions, answered from our own projects.
   */
  async projectsTogetherWith(cityId: string, excludeProjectId: string): Promise<Record<string, number>> {
    const docs = await this.projects
      .find(
        { _id: { $ne: excludeProjectId }, $or: [{ leadCityId: cityId }, { partners: { $elemMatch: { cityId, status: 'accepted' } } }] },
        { leadCityId: 1, partners: 1 },
      )
      .lean<Pick<ProjectDocument, 'leadCityId' | 'partners'>[]>()
      .exec();
    const together: Record<string, number> = {};
    for (const doc of docs) {
      for (const other of membersOf(doc)) if (other !== cityId) together[other] = (together[other] ?? 0) + 1;
    }
    return together;
  }
}

/** Who takes part in a project: the lead and the accepted partners, each once. */
function membersOf(doc: Pick<ProjectDocument, 'leadCityId' | 'partners'>): Set<string> {
  return new Set([doc.leadCityId, ...doc.partners.filter((p) => p.status === 'accepted').map((p) => p.cityId)]);
}

function listQuery(filter: ProjectListFilter): QueryFilter<ProjectDocument> {
  const and: QueryFilter<ProjectDocument>[] = [];
  if (filter.status) and.push({ status: filter.status });
  if (filter.field) and.push({ fields: filter.field });
  if (filter.sdg !== undefined) and.push({ sdgs: filter.sdg });
  if (filter.cityId) {
    and.push({
      $or: [{ leadCityId: filter.cityId }, { partners: { $elemMatch: { cityId: filter.cityId, status: { $in: [...CURRENT_PARTNER_STATUSES] } } } }],
    });
  }
  // Every word of `q`, in any order, accent- and case-insensitively (see shared/search-text.ts).
  const words = foldForSearch(filter.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 10);
  for (const word of words) and.push({ searchText: { $regex: escapeRegex(word) } });
  return and.length === 0 ? {} : { $and: and };
}
