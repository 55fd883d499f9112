import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';

/** EN / ES / FR: changes every label, date and number at once and is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switcher">
      <label htmlFor="language-select" className="visually-hidden">
        {t('language.label')}
      </label>
      <select id="language-select" value={i18n.resolvedLanguage} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {lng.toUpperCase()} · {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
