import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ExchangeDocument } from '../../persistence/exchange.schema';
import { PracticeDocument } from '../../persistence/practice.schema';
import {
  EXCHANGE_TIE_STATUSES,
  ListNetworkPracticeActivityQuery,
  type ExchangeTie,
  type NetworkPracticeActivity,
  type PracticeTopic,
} from './list-network-practice-activity.query';

type StoredTopic = Pick<PracticeDocument, '_id' | 'title' | 'authorCityId' | 'field' | 'tags'>;
type StoredTie = Pick<ExchangeDocument, '_id' | 'practiceId' | 'hostCityId' | 'requesterCityId' | 'status' | 'format'>;

/**
 * Two narrow reads, projected to what a topic and a tie need (no practice text, no exchange
 * message): the published practices (index `status, createdAt`) and one city's tying exchanges
 * (indexes `hostCityId` / `requesterCityId`). They live with their only use case rather than in
 * the read repositories.
 */
@QueryHandler(ListNetworkPracticeActivityQuery)
export class ListNetworkPracticeActivityHandler implements IQueryHandler<ListNetworkPracticeActivityQuery> {
  constructor(
    @InjectModel(PracticeDocument.name) private readonly practices: Model<PracticeDocument>,
    @InjectModel(ExchangeDocument.name) private readonly exchanges: Model<ExchangeDocument>,
  ) {}

  async execute({ exchangesOf }: ListNetworkPracticeActivityQuery): Promise<NetworkPracticeActivity> {
    const [practices, ties] = await Promise.all([
      this.practices
        .find({ status: 'published' }, { title: 1, authorCityId: 1, field: 1, tags: 1 })
        .sort({ createdAt: -1, _id: -1 })
        .lean<StoredTopic[]>()
        .exec(),
      typeof exchangesOf === 'string' && exchangesOf !== ''
        ? this.exchanges
            .find(
              { $or: [{ hostCityId: exchangesOf }, { requesterCityId: exchangesOf }], status: { $in: [...EXCHANGE_TIE_STATUSES] } },
              { practiceId: 1, hostCityId: 1, requesterCityId: 1, status: 1, format: 1 },
            )
            .sort({ updatedAt: -1, _id: -1 })
            .lean<StoredTie[]>()
            .exec()
        : Promise.resolve([] as StoredTie[]),
    ]);
    const topics = practices.map(topicOf);
    // A hidden practice is not public: its exchanges still tie the cities, but without its title.
    const titles = new Map(topics.map((p) => [p.id, p.title]));
    return { practices: topics, exchanges: ties.map((e) => tieOf(e, titles.get(e.practiceId) ?? null)) };
  }
}

const topicOf = (d: StoredTopic): PracticeTopic => ({ id: d._id, title: d.title, authorCityId: d.authorCityId, field: d.field, tags: [...d.tags] });

const tieOf = (d: StoredTie, practiceTitle: string | null): ExchangeTie => ({
  id: d._id,
  practiceId: d.practiceId,
  practiceTitle,
  hostCityId: d.hostCityId,
  requesterCityId: d.requesterCityId,
  status: d.status as ExchangeTie['status'],
  format: d.format,
});
