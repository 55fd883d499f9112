import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, rememberLanguage } from '../i18n/languages';

/** EN / ES / FR: changes every label, date and number at once and is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  // Remembered at once: the labels change only once the language's chunks have loaded, and a
  // reload meanwhile must not fall back to the previous language.
  const choose = (language: string) => {
    if (isLanguage(language)) rememberLanguage(language);
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
