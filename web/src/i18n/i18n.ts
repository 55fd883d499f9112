import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import commonEn from './common/en.json';
import commonEs from './common/es.json';
import commonFr from './common/fr.json';
import { initialLanguage, isLanguage, rememberLanguage } from './languages';

/**
 * One namespace per feature: `useTranslation('projects')` loads
 * features/projects/locales/<lang>.json on demand (its own chunk), so a feature adds its labels
 * without touching a shared file. `common` (shell, UI kit, field names) is bundled.
 */
const featureLocales = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', { import: 'default' });

const featureBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = featureLocales[`../features/${namespace}/locales/${language}.json`];
    if (!load) return callback(new Error(`no labels for ${namespace}/${language}`), false);
    load().then(
      (labels) => callback(null, labels as never),
      (error: Error) => callback(error, false),
    );
  },
};

export const i18n = i18next.createInstance();

export function setupI18n(): Promise<unknown> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    if (isLanguage(language)) rememberLanguage(language);
  });
  return i18n
    .use(featureBackend)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      supportedLngs: ['en', 'es', 'fr'],
      fallbackLng: 'en',
      ns: ['common'],
      defaultNS: 'common',
      partialBundledLanguages: true,
      resources: { en: { common: commonEn }, es: { common: commonEs }, fr: { common: commonFr } },
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: true },
    });
}
