import { CitySeeder } from '../cities/seeding/city-seeder';
import { runCli } from './cli-app';

/** npm run seed — loads the seed cities (SPEC §2); running it again changes nothing. */
void runCli('seed', 'npm run seed', async (app, out) => {
  const report = await app.get(CitySeeder).seed();
  out(`Seed cities: ${report.imported} registered, ${report.alreadyRegistered} already there (${report.rows} in the seed list).`);
  return 0;
});
