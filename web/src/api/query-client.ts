import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';

/** Server state: one cache for the app. 4xx answers are not retried (asking again changes nothing). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
