import { CollaborationsRebuilder } from '../cities/collaborations/collaborations.rebuilder';
import { runCli } from './cli-app';

/**
 * npm run rebuild:read-models — recomputes the read models from the event log (EventLog.listAll).
 * Safe while the app runs. Add a module's rebuilder to the list when it gets a read model.
 */
void runCli('rebuild:read-models', 'npm run rebuild:read-models', async (app, out) => {
  for (const rebuilder of [app.get(CollaborationsRebuilder)]) {
    const r = await rebuilder.rebuild();
    out(
      `${r.readModel}: ${r.projects} project(s) from ${r.eventsUsed} of ${r.eventsRead} event(s) in the log; ${r.removed} stale entr${r.removed === 1 ? 'y' : 'ies'} removed.`,
    );
  }
  return 0;
});
