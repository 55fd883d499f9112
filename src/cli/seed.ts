import { CitySeeder } from '../cities/seeding/city-seeder';
import { DemoSeeder, formatDemoReport } from '../demo/demo-seeder';
import { runCli, UsageError } from './cli-app';

/**
 * npm run seed [-- --demo] — loads the seed cities (SPEC §2), then, with --demo, the demo content
 * between them (projects, practices, endorsements, comments, exchanges). Running it again changes
 * nothing.
 */
void runCli('seed', 'npm run seed [-- --demo]', async (app, out) => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length > 0) throw new UsageError(`unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(' ')}`);
  const report = await app.get(CitySeeder).seed();
  out(`Seed cities: ${report.imported} registered, ${report.alreadyRegistered} already there (${report.rows} in the seed list).`);
  if (args.includes('--demo')) out(formatDemoReport(await app.get(DemoSeeder).seed()));
  return 0;
});
