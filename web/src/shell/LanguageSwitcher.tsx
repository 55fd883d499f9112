import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { session } from '../auth/session';
import { LANGUAGES, isLanguage, rememberLanguage } from '../i18n/languages';

/**
 * EN / ES / FR: changes every label, date and number at once and is remembered on this device;
 * when signed in, it is also the user's language (its e-mails), saved without a version (last choice wins).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  // Remembered at once: the labels change only once the language's chunks have loaded, and a
  // reload meanwhile must not fall back to the previous language.
  const choose = (language: string) => {
    if (isLanguage(language)) {
      rememberLanguage(language);
      const user = session.get()?.user;
      if (user)
        void api
          .PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { language } })
          // The profile page shows the saved user: it follows (a new version, not a conflict later).
          .then(() => client.invalidateQueries({ queryKey: ['users', 'me'] }))
          .catch(() => undefined);
    }
    void i18n.changeLanguage(language);
  };
  return (
    <div className="language-switcher">
      <label htmlFor="language-select" className="visually-hidden">
        {t('language.label')}
      </label>
      <select id="language-select" value={i18n.resolvedLanguage} onChange={(e) => choose(e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {lng.toUpperCase()} · {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
