import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { CITY_ZONES_COLLECTION, type CityZoneDocument } from './city-zone.schema';

/** Reads the city names and time zones (written by CityZonesProjector). */
@Injectable()
export class CityZonesReader {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get zones() {
    return this.connection.collection<CityZoneDocument>(CITY_ZONES_COLLECTION);
  }

  all(): Promise<CityZoneDocument[]> {
    return this.zones.find({}).toArray();
  }

  async byIds(ids: string[]): Promise<Map<string, CityZoneDocument>> {
    const docs = await this.zones.find({ _id: { $in: [...new Set(ids)] } }).toArray();
    return new Map(docs.map((d) => [d._id, d]));
  }
}
