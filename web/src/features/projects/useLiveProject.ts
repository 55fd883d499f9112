import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useWatch } from '../../live/useWatch';
import type { WatchState } from '../../live/watch-reducer';
import { projectKey, updatesKey } from './project-queries';

/**
 * Follows the project live (the foundation's `useWatch`, replayed from the start and resumed after
 * a reconnect) and reloads the project when a new event arrives, so partners' answers, a start or
 * an update show without a reload. The events feed the Timeline tab.
 */
export function useLiveProject(projectId: string): WatchState {
  const watch = useWatch('project', projectId);
  const queryClient = useQueryClient();
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (!watch.replayed || watch.highest === null || watch.highest === seen.current) return;
    const first = seen.current === null;
    seen.current = watch.highest;
    // The first complete replay also reloads: something may have happened between the read and the watch.
    void queryClient.invalidateQueries({ queryKey: projectKey(projectId) });
    if (!first || watch.events.some((e) => e.type === 'ProjectUpdatePosted')) void queryClient.invalidateQueries({ queryKey: updatesKey(projectId) });
  }, [watch.replayed, watch.highest, watch.events, projectId, queryClient]);
  return watch;
}
