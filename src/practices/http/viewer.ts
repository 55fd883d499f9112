import type { AuthUser } from '../../shared/auth-user';
import { ANONYMOUS, type PracticeViewer } from '../domain/practice-policy';

/** The reader of a request: the signed-in user, or anonymous (reads are open, SPEC §2). */
export const viewerOf = (user: AuthUser | undefined): PracticeViewer =>
  user ? { userId: user.id, cityId: user.cityId, role: user.role } : ANONYMOUS;
