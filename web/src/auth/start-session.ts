import type { components } from '../api/schema';
import { i18n } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';
import { session } from './session';

type LoginResponse = components['schemas']['LoginResponseView'];

/**
 * Keeps the session of a sign-in (login or an accepted invitation) and speaks the user's saved
 * language from then on (their choice on any device wins over this device's earlier one).
 */
export function startSession({ accessToken, user }: LoginResponse): void {
  session.set({ token: accessToken, user });
  if (isLanguage(user.language) && user.language !== i18n.resolvedLanguage) void i18n.changeLanguage(user.language);
}
