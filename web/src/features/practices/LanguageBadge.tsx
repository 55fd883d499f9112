import { useTranslation } from 'react-i18next';

/** The language a practice is written in, as a text badge (its name in the reader's language). */
export function LanguageBadge({ language }: { language: string }) {
  const { t } = useTranslation('practices');
  return <span className="language-badge">{t('writtenIn', { language: t(`languages.${language}`, { defaultValue: language }) })}</span>;
}
