/** Prefix of the audit actions of the board, as `AuditLogController_list` names a Nest route. */
export const BOARD_ACTION_PREFIX = 'QueueDashboard_';

/** The methods of the board's API that change something (its GETs only read). */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The write routes of @bull-board/api 9.10.1 (its `appRoutes.api` and history routes), relative to
 * the board's base path, named after the handler each calls (`retryJobHandler` → `retryJob`). Its
 * handlers are wrapped by providers and lose their names at run time, hence a table; the spec
 * checks it covers every write route of the installed version, so an upgrade adding one fails it.
 */
const BOARD_WRITES: Readonly<Record<string, string>> = {
  'PUT /api/queues/pause': 'pauseAll',
  'PUT /api/queues/resume': 'resumeAll',
  'POST /api/queues/:queueName/add': 'addJob',
  'PUT /api/queues/:queueName/retry/:queueStatus': 'retryAll',
  'PUT /api/queues/:queueName/promote': 'promoteAll',
  'PUT /api/queues/:queueName/clean/:queueStatus': 'cleanAll',
  'PUT /api/queues/:queueName/pause': 'pauseQueue',
  'PUT /api/queues/:queueName/resume': 'resumeQueue',
  'PUT /api/queues/:queueName/concurrency': 'setGlobalConcurrency',
  'PUT /api/queues/:queueName/rate-limit': 'setRateLimit',
  'PUT /api/queues/:queueName/rate-limit/release': 'releaseRateLimit',
  'PUT /api/queues/:queueName/empty': 'emptyQueue',
  'PUT /api/queues/:queueName/obliterate': 'obliterateQueue',
  'PUT /api/queues/:queueName/job-schedulers/:schedulerId/remove': 'removeJobScheduler',
  'PATCH /api/queues/:queueName/job-schedulers/:schedulerId': 'updateJobScheduler',
  'PUT /api/queues/:queueName/job-schedulers/:schedulerId/run': 'runJobScheduler',
  'PUT /api/queues/:queueName/:jobId/retry': 'retryJob',
  'PUT /api/queues/:queueName/:jobId/clean': 'cleanJob',
  'PUT /api/queues/:queueName/:jobId/promote': 'promoteJob',
  'PATCH /api/queues/:queueName/:jobId/update-data': 'updateJobData',
  'PATCH /api/queues/:queueName/:jobId/delay': 'changeJobDelay',
  'PATCH /api/queues/:queueName/:jobId/priority': 'changeJobPriority',
  'PUT /api/queues/:queueName/:jobId/remove-unprocessed-children': 'removeUnprocessedChildren',
  'POST /api/metrics/history/purge': 'purgeMetricsHistory',
};

export function isBoardWrite(method: string): boolean {
  return WRITE_METHODS.has(method);
}

/**
 * The audit action of a write to the board, from its method and route pattern relative to the
 * board's base path. A route missing from the table (a newer board) still gets a stable name from
 * the pattern (`PUT /api/queues/:queueName/drain` → `QueueDashboard_putQueuesDrain`).
 */
export function boardActionOf(method: string, route: string): string {
  const known = BOARD_WRITES[`${method} ${route}`];
  if (known) return BOARD_ACTION_PREFIX + known;
  const words = route
    .split(/[/-]/)
    .filter((part) => part !== '' && part !== 'api' && !part.startsWith(':'))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return BOARD_ACTION_PREFIX + method.toLowerCase() + words.join('');
}

/** The table's routes, for the spec that checks it against the installed board. */
export const KNOWN_BOARD_WRITES: readonly string[] = Object.keys(BOARD_WRITES);
