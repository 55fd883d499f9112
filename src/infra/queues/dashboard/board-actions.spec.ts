import { appRoutes, buildHistoryRoutes } from '@bull-board/api/dist/routes.js';
import type { MetricsHistoryProvider } from '@bull-board/api/dist/types.js';
import { BOARD_ACTION_PREFIX, boardActionOf, isBoardWrite, KNOWN_BOARD_WRITES } from './board-actions';

/** Every write route of the installed @bull-board/api, as `METHOD /route`. */
function installedWrites(): string[] {
  const history = buildHistoryRoutes({} as MetricsHistoryProvider, { hasUsage: true, canPurge: true, hasLatency: true });
  return [...appRoutes.api, ...history].flatMap(({ method, route }) =>
    [method]
      .flat()
      .map((m) => m.toUpperCase())
      .filter(isBoardWrite)
      .flatMap((m) => [route].flat().map((r) => `${m} ${r}`)),
  );
}

describe('boardActionOf', () => {
  it('names every write route of the installed board from the table, each differently', () => {
    const writes = installedWrites();
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((write) => !KNOWN_BOARD_WRITES.includes(write))).toEqual([]);
    expect(KNOWN_BOARD_WRITES.filter((write) => !writes.includes(write))).toEqual([]);
    const actions = KNOWN_BOARD_WRITES.map((write) => boardActionOf(write.split(' ')[0], write.split(' ')[1]));
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('names the operations after the board’s handlers', () => {
    expect(boardActionOf('PUT', '/api/queues/:queueName/:jobId/retry')).toBe('QueueDashboard_retryJob');
    expect(boardActionOf('PUT', '/api/queues/:queueName/pause')).toBe('QueueDashboard_pauseQueue');
    expect(boardActionOf('PUT', '/api/queues/pause')).toBe('QueueDashboard_pauseAll');
    expect(boardActionOf('PUT', '/api/queues/:queueName/clean/:queueStatus')).toBe('QueueDashboard_cleanAll');
  });

  it('derives a name from the pattern for a route the table does not know', () => {
    expect(boardActionOf('PUT', '/api/queues/:queueName/drain')).toBe(`${BOARD_ACTION_PREFIX}putQueuesDrain`);
    expect(boardActionOf('DELETE', '/api/queues/:queueName/job-schedulers/:schedulerId')).toBe(`${BOARD_ACTION_PREFIX}deleteQueuesJobSchedulers`);
  });

  it('counts only POST, PUT, PATCH and DELETE as writes', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(isBoardWrite)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isBoardWrite)).toBe(false);
  });
});
