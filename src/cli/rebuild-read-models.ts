import { Subscriptions, SubscriptionRequestError } from '@app/events';
import { runCli, UsageError } from './cli-app';

/**
 * npm run rebuild:read-models -- [NAME…] — rebuilds projections from the event log while the
 * server runs: the instance running each one replays the log into a fresh collection and swaps it
 * in when caught up (readers never see a half-built view). Without a name, every projection.
 */
void runCli('rebuild:read-models', 'npm run rebuild:read-models -- [NAME…]', async (app, out) => {
  const subscriptions = app.get(Subscriptions);
  const requested = process.argv.slice(2);
  const names = requested.length > 0 ? requested : subscriptions.projections();
  for (const name of names) {
    try {
      const r = await subscriptions.rebuild(name);
      out(`${name}: rebuilt from ${r.events} event(s) through #${r.throughSeq} in ${r.finishedAt.getTime() - r.requestedAt.getTime()} ms.`);
    } catch (error) {
      if (error instanceof SubscriptionRequestError) throw new UsageError(error.message);
      throw error;
    }
  }
  return 0;
});
