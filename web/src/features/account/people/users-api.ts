import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';

export type User = components['schemas']['UserView'];
export type InviteBody = components['schemas']['InviteUserDto'];
export const USERS_KEY = ['users', 'list'] as const;
export const USERS_PAGE_SIZE = 20;

/** GET /users: every user for an admin, the users of its own city for a city user (the API decides). */
export function useUsers(page: number) {
  return useQuery({
    queryKey: [...USERS_KEY, page],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { page, limit: USERS_PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
}

export function useInvite() {
  return useMutation({ mutationFn: (body: InviteBody) => unwrap(api.POST('/api/v1/users/invitations', { body })) });
}

/** Disable or enable (admins): with the version read, so a change made meanwhile is a 409, not lost. */
export function useSetDisabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ user, disabled }: { user: User; disabled: boolean }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { disabled, version: user.version } })),
    onSettled: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
