import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';
import type { CreativeField, Sdg } from '../../shared/reference-data';
import type { CityFact, ExchangeFact, PracticeGroup, ProjectFact } from '../domain/network-facts';
import type { ReportEndorsementRow, ReportExchangeRow, ReportPracticeRow, ReportProjectRow } from '../domain/city-report';
import {
  INSIGHT_COLLECTIONS,
  type InsightCity,
  type InsightEndorsement,
  type InsightExchange,
  type InsightPractice,
  type InsightProject,
} from './read-model-documents';

/** The indexes each read model is read by (a rebuild copies them onto the fresh collection). */
const INDEXES: Record<keyof typeof INSIGHT_COLLECTIONS, mongo.IndexDescription[]> = {
  cities: [],
  projects: [
    { key: { leadCityId: 1 }, name: 'insight_project_lead' },
    { key: { partnerIds: 1 }, name: 'insight_project_partner' },
  ],
  practices: [
    { key: { authorCityId: 1 }, name: 'insight_practice_author' },
    { key: { status: 1, _id: 1 }, name: 'insight_practice_export' },
  ],
  endorsements: [
    { key: { cityId: 1 }, name: 'insight_endorsement_city' },
    { key: { authorCityId: 1 }, name: 'insight_endorsement_author' },
  ],
  exchanges: [
    { key: { hostCityId: 1 }, name: 'insight_exchange_host' },
    { key: { requesterCityId: 1 }, name: 'insight_exchange_requester' },
  ],
};

/** Rows of one collection, typed; the read models are written by the projectors only. */
type Rows<T> = mongo.Collection<T & mongo.Document>;

/**
 * Narrow reads of the insight read models (never of another module's collections). The network
 * is a few hundred cities with their projects and exchanges: those are loaded whole for the
 * network-wide answers; practices, which may be many, are grouped by the database, and exports
 * stream from cursors.
 */
@Injectable()
export class InsightReader implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    for (const [model, indexes] of Object.entries(INDEXES)) {
      const name = INSIGHT_COLLECTIONS[model as keyof typeof INSIGHT_COLLECTIONS];
      // Created empty at start so that a rebuild finds the indexes to copy.
      await this.connection.db!.createCollection(name).catch(() => undefined);
      if (indexes.length > 0) await this.connection.db!.collection(name).createIndexes(indexes);
    }
  }

  private rows<T>(model: keyof typeof INSIGHT_COLLECTIONS): Rows<T> {
    return this.connection.db!.collection<T & mongo.Document>(INSIGHT_COLLECTIONS[model]);
  }

  async cities(ids?: readonly string[]): Promise<CityFact[]> {
    const filter = ids ? { _id: { $in: [...ids] } } : {};
    const docs = await this.rows<InsightCity>('cities')
      .find(filter as mongo.Filter<InsightCity>, { projection: { name: 1, country: 1, region: 1, field: 1, lat: 1, lng: 1, month: 1 } })
      .toArray();
    return docs.map((c) => ({
      id: c._id,
      name: c.name,
      country: c.country,
      region: c.region,
      field: c.field,
      lat: c.lat ?? null,
      lng: c.lng ?? null,
      month: c.month,
    }));
  }

  async city(id: string): Promise<CityFact | null> {
    return (await this.cities([id]))[0] ?? null;
  }

  /** Every project, or those in one of `fields` with at least one accepted partner (collaborations). */
  async projects(only?: { sharedIn: readonly CreativeField[] }): Promise<ProjectFact[]> {
    const filter: mongo.Document = only
      ? { 'partnerIds.0': { $exists: true }, ...(only.sharedIn.length > 0 ? { fields: { $in: [...only.sharedIn] } } : {}) }
      : {};
    const docs = await this.rows<InsightProject>('projects')
      .find(filter, { projection: { status: 1, fields: 1, sdgs: 1, leadCityId: 1, partnerIds: 1, month: 1 } })
      .toArray();
    return docs.map((p) => ({
      id: p._id,
      status: p.status,
      fields: p.fields,
      sdgs: p.sdgs,
      leadCityId: p.leadCityId,
      partnerIds: p.partnerIds,
      month: p.month,
    }));
  }

  /** Practices counted by the database, grouped by what stats count them by. */
  async practiceGroups(): Promise<PracticeGroup[]> {
    const groups = await this.rows<InsightPractice>('practices')
      .aggregate<{ _id: Omit<PracticeGroup, 'count'>; count: number }>([
        {
          $group: { _id: { field: '$field', status: '$status', authorCityId: '$authorCityId', month: '$month', sdgs: '$sdgs' }, count: { $sum: 1 } },
        },
      ])
      .toArray();
    return groups.map((g) => ({ ...g._id, sdgs: g._id.sdgs ?? [], count: g.count }));
  }

  /** Every exchange (or the completed ones), with its practice's field and SDGs. */
  async exchanges(only?: { completed: true }): Promise<ExchangeFact[]> {
    const docs = await this.rows<InsightExchange>('exchanges')
      .find(only ? { status: 'completed' } : {}, {
        projection: { status: 1, hostCityId: 1, requesterCityId: 1, month: 1, completedAt: 1, practiceId: 1 },
      })
      .toArray();
    const practiceIds = [...new Set(docs.map((x) => x.practiceId))];
    const practices = await this.rows<InsightPractice>('practices')
      .find({ _id: { $in: practiceIds } } as mongo.Filter<InsightPractice>, { projection: { field: 1, sdgs: 1 } })
      .toArray();
    const topic = new Map(practices.map((p) => [p._id, { field: p.field, sdgs: p.sdgs }]));
    return docs.map((x) => ({
      id: x._id,
      status: x.status,
      hostCityId: x.hostCityId,
      requesterCityId: x.requesterCityId,
      month: x.month,
      completedMonth: x.completedAt ? new Date(x.completedAt).toISOString().slice(0, 7) : null,
      field: topic.get(x.practiceId)?.field ?? null,
      sdgs: (topic.get(x.practiceId)?.sdgs ?? []) as Sdg[],
    }));
  }

  /** What a city report reads of one city: its projects, practices, endorsements and exchanges. */
  async activityOf(cityId: string): Promise<{
    projects: ReportProjectRow[];
    practices: ReportPracticeRow[];
    endorsementsGiven: ReportEndorsementRow[];
    endorsementsReceived: ReportEndorsementRow[];
    exchanges: ReportExchangeRow[];
  }> {
    const [projects, practices, given, received, exchanges] = await Promise.all([
      this.rows<InsightProject>('projects')
        .find({ $or: [{ leadCityId: cityId }, { partnerIds: cityId }] })
        .toArray(),
      this.rows<InsightPractice>('practices').find({ authorCityId: cityId }).toArray(),
      this.rows<InsightEndorsement>('endorsements').find({ cityId, active: true }).toArray(),
      this.rows<InsightEndorsement>('endorsements').find({ authorCityId: cityId, active: true }).toArray(),
      this.rows<InsightExchange>('exchanges')
        .find({ $or: [{ hostCityId: cityId }, { requesterCityId: cityId }] })
        .toArray(),
    ]);
    const endorsed = [...new Set([...given, ...received].map((e) => e.practiceId))];
    const endorsedPractices = await this.rows<InsightPractice>('practices')
      .find({ _id: { $in: endorsed } } as mongo.Filter<InsightPractice>, { projection: { title: 1, status: 1 } })
      .toArray();
    const titles = new Map(endorsedPractices.map((p) => [p._id, p.title]));
    // Another city's practice hidden since: no longer the endorser's to see (its own stay, for the author).
    const hidden = new Set(endorsedPractices.filter((p) => p.status === 'hidden').map((p) => p._id));
    const endorsement = (e: InsightEndorsement): ReportEndorsementRow => ({
      practiceId: e.practiceId,
      practiceTitle: titles.get(e.practiceId) ?? '',
      authorCityId: e.authorCityId,
      cityId: e.cityId,
      at: new Date(e.at),
    });
    return {
      projects: projects.map((p) => ({
        id: p._id,
        title: p.title,
        status: p.status,
        sdgs: p.sdgs,
        leadCityId: p.leadCityId,
        partnerIds: p.partnerIds,
        joinedAt: Object.fromEntries(Object.entries(p.joinedAt ?? {}).map(([k, v]) => [k, new Date(v)])),
        proposedAt: new Date(p.proposedAt),
        finishedAt: p.finishedAt ? new Date(p.finishedAt) : null,
      })),
      practices: practices.map((p) => ({
        id: p._id,
        title: p.title,
        field: p.field,
        sdgs: p.sdgs,
        status: p.status,
        endorsementCount: p.endorsementCount,
        sharedAt: new Date(p.sharedAt),
      })),
      endorsementsGiven: given.filter((e) => !hidden.has(e.practiceId)).map(endorsement),
      endorsementsReceived: received.map(endorsement),
      exchanges: exchanges.map((x) => ({
        id: x._id,
        practiceId: x.practiceId,
        practiceTitle: x.practiceTitle,
        hostCityId: x.hostCityId,
        requesterCityId: x.requesterCityId,
        format: x.format,
        status: x.status,
        rating: x.rating ?? null,
        requestedAt: new Date(x.requestedAt),
      })),
    };
  }

  /** The documents of an export, by id, from a cursor that fetches `batchSize` at a time. */
  exportCursor(dataset: 'cities'): mongo.FindCursor<InsightCity>;
  exportCursor(dataset: 'projects'): mongo.FindCursor<InsightProject>;
  exportCursor(dataset: 'practices'): mongo.FindCursor<InsightPractice>;
  exportCursor(dataset: 'cities' | 'projects' | 'practices'): mongo.FindCursor<unknown> {
    const filter = dataset === 'practices' ? { status: 'published' } : {};
    return this.rows<mongo.Document>(dataset).find(filter, { sort: { _id: 1 }, batchSize: 500 });
  }

  /** City names by id (a few hundred): exports name the lead and author cities. */
  async cityNames(): Promise<Map<string, string>> {
    const docs = await this.rows<InsightCity>('cities')
      .find({}, { projection: { name: 1 } })
      .toArray();
    return new Map(docs.map((c) => [c._id, c.name]));
  }
}
