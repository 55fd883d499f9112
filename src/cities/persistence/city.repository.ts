import { NotFoundError } from '@app/domain';
import { type CommandContext, type EventEnvelope, EventSourcedRepository, isDuplicateKeyError, UnitOfWork } from '@app/events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { City } from '../domain/city';
import { cityKey } from '../domain/city-registration';
import { duplicateCity } from '../domain/city-errors';
import { CITY_AGGREGATE } from '../domain/events';
import { CityDocument, toCityDocument, toCitySnapshot } from './city.schema';

/**
 * The write side of the cities collection: load a City, save it with its events in one
 * transaction (EventSourcedRepository), and the one existence check imports need.
 */
@Injectable()
export class CityRepository extends EventSourcedRepository<City> implements OnModuleInit {
  protected readonly aggregateType = CITY_AGGREGATE;

  constructor(
    unitOfWork: UnitOfWork,
    @InjectModel(CityDocument.name) private readonly cities: Model<CityDocument>,
  ) {
    super(unitOfWork);
  }

  /** The collection and its unique indexes exist before the first write relies on them (races, seeds). */
  async onModuleInit(): Promise<void> {
    await this.cities.init();
  }

  async load(id: string): Promise<City> {
    const doc = await this.cities.findById(id).lean<CityDocument>().exec();
    if (!doc) throw new NotFoundError('city', id);
    return City.restore(toCitySnapshot(doc));
  }

  /** Which of these (name, country) pairs are registered already, as `cityKey`s. */
  async registeredKeys(cities: readonly { name: string; country: string }[]): Promise<Set<string>> {
    const countries = [...new Set(cities.map((c) => c.country))];
    if (countries.length === 0) return new Set();
    const docs = await this.cities
      .find({ country: { $in: countries } }, { _id: 0, name: 1, country: 1 })
      .lean<Pick<CityDocument, 'name' | 'country'>[]>()
      .exec();
    return new Set(docs.map(cityKey));
  }

  /**
   * Registers several new cities in one transaction, all or none, each with its events (an import
   * or the seeds). A duplicate, even one inserted concurrently, aborts the whole batch with a 409.
   */
  async saveAll(cities: readonly City[], ctx: CommandContext): Promise<EventEnvelope[]> {
    if (cities.length === 0) return [];
    // Pulled once, before the transaction: a retried attempt must record the same events.
    const pending = cities.map((city) => ({ city, events: city.pullPendingEvents() }));
    const { events } = await this.unitOfWork.run(ctx, async (tx) => {
      for (const { city, events } of pending) {
        await this.persist(city, tx.session);
        tx.record(this.aggregateType, city.id, events);
      }
    });
    return events;
  }

  protected async persist(city: City, session: ClientSession): Promise<void> {
    const snapshot = city.toSnapshot();
    if (city.version === 0) {
      try {
        await this.cities.create([toCityDocument(snapshot, 1)], { session });
      } catch (error) {
        // The unique index is the only judge of (name, country): it also settles two racing requests.
        if (isDuplicateKeyError(error)) throw duplicateCity(city.name, city.country);
        throw error;
      }
      return;
    }
    const { _id, createdAt: _createdAt, ...state } = toCityDocument(snapshot, city.version + 1);
    const result = await this.cities.updateOne({ _id, version: city.version }, { $set: state }, { session }).exec();
    if (result.matchedCount === 0) throw this.staleVersion(city);
  }
}
