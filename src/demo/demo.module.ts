import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';

/**
 * Demo content (`npm run seed -- --demo`, `SEED_DEMO=true`): the scenario and the seeder that plays
 * it. It imports no module: the seeder sends the projects and practices modules' commands and
 * queries (their `contracts.ts`) through the CQRS buses, so the process must also load
 * CitiesModule, ProjectsModule and PracticesModule (the app and the CLI do). At start-up, import it
 * after CitiesModule: Nest then runs the cities' seeding first (see DemoSeeder).
 */
@Module({ providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
