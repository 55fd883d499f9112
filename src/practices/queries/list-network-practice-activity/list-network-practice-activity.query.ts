import { Query } from '@nestjs/cqrs';
import type { CreativeField } from '../../../shared/reference-data';
import type { ExchangeFormat } from '../../domain/exchange-state';

/** A published practice's topic: what it is about, without its text. */
export interface PracticeTopic {
  id: string;
  title: string;
  authorCityId: string;
  field: CreativeField;
  /** Lower-case keywords, as stored. */
  tags: string[];
}

/** The exchanges that tie two cities: the host agreed (`accepted`) or it took place (`completed`). */
export const EXCHANGE_TIE_STATUSES = ['accepted', 'completed'] as const;

/** An exchange that tied two cities, without its messages, feedback or rating. */
export interface ExchangeTie {
  id: string;
  practiceId: string;
  /** The practice's current title; null when the practice is hidden now (its title is not public any more). */
  practiceTitle: string | null;
  hostCityId: string;
  requesterCityId: string;
  status: (typeof EXCHANGE_TIE_STATUSES)[number];
  format: ExchangeFormat;
}

/** The network's practice activity in one round trip (partner suggestions compare every city with a project). */
export interface NetworkPracticeActivity {
  /** Every published practice of every city, newest first. */
  practices: PracticeTopic[];
  /** The accepted or completed exchanges `exchangesOf` took part in (host or requester), most recently changed first. */
  exchanges: ExchangeTie[];
}

/**
 * What every city shared (published practices: field, tags, title) and the exchanges that tied
 * `exchangesOf` to other cities. Declined, cancelled and unanswered requests are no tie, as in
 * `ListCityPracticeActivityQuery`.
 */
export class ListNetworkPracticeActivityQuery extends Query<NetworkPracticeActivity> {
  constructor(readonly exchangesOf: string) {
    super();
  }
}
