import { EventsModule } from '@app/events';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ReadCacheModule } from '../common/cache/read-cache.module';
import { readCacheInvalidator } from '../common/cache/read-cache-invalidator';
import { CitiesController } from './http/cities.controller';
import { CollaborationStore } from './collaborations/collaboration.store';
import { CollaborationsReader } from './collaborations/collaborations.reader';
import { CollaborationsProjector } from './consumers/collaborations.projector';
import { CollaborationLinkDocument, CollaborationLinkSchema } from './collaborations/collaboration-link.schema';
import { CsvBodyParser } from './commands/import-cities/csv-body-parser';
import { ImportCitiesHandler } from './commands/import-cities/import-cities.handler';
import { RegisterCityHandler } from './commands/register-city/register-city.handler';
import { UpdateCityProfileHandler } from './commands/update-city-profile/update-city-profile.handler';
import { CITY_EVENTS } from './domain/events';
import { MetaController } from './http/meta.controller';
import { CityReader } from './persistence/city.reader';
import { CityRepository } from './persistence/city.repository';
import { CityDocument, CitySchema } from './persistence/city.schema';
import { CityExistsHandler } from './queries/city-summaries/city-exists.handler';
import { GetCitySummaryHandler } from './queries/city-summaries/get-city-summary.handler';
import { ListCitySummariesHandler } from './queries/city-summaries/list-city-summaries.handler';
import { GetCityHandler } from './queries/get-city/get-city.handler';
import { GetCollaborationsHandler } from './queries/get-collaborations/get-collaborations.handler';
import { ListCollaborationsHandler } from './queries/get-collaborations/list-collaborations.handler';
import { GetMetaHandler } from './queries/get-meta/get-meta.handler';
import { ListCitiesHandler } from './queries/list-cities/list-cities.handler';
import { CitySeeder } from './seeding/city-seeder';

/**
 * The member registry (SPEC §3 Cities): registration, profiles, search, the reference data
 * (`GET /meta`), seeds and CSV import, and the collaborations read model fed by project events.
 * Other modules use it only through `contracts.ts` and the QueryBus.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CityDocument.name, schema: CitySchema },
      { name: CollaborationLinkDocument.name, schema: CollaborationLinkSchema },
    ]),
    EventsModule.forFeature(CITY_EVENTS),
    ReadCacheModule,
  ],
  controllers: [CitiesController, MetaController],
  providers: [
    CityRepository,
    CityReader,
    // commands
    RegisterCityHandler,
    UpdateCityProfileHandler,
    ImportCitiesHandler,
    CsvBodyParser,
    // queries
    ListCitiesHandler,
    GetCityHandler,
    GetMetaHandler,
    ListCollaborationsHandler,
    GetCollaborationsHandler,
    CityExistsHandler,
    GetCitySummaryHandler,
    ListCitySummariesHandler,
    // collaborations read model
    CollaborationStore,
    CollaborationsReader,
    CollaborationsProjector,
    // keeps GET /cities and /cities/:id answers of the ReadCache current
    readCacheInvalidator('cities.read-cache', CITY_EVENTS),
    // seeds
    CitySeeder,
  ],
  exports: [CitySeeder],
})
export class CitiesModule {}
