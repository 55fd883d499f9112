import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { FIELDS, LANGUAGES, paramsOf, type LibraryFilters as Filters } from './library-params';
import { useAllCities, useSdgName } from './practice-api';

export interface LibraryFiltersProps {
  filters: Filters;
  onApply: (filters: Filters) => void;
}

/**
 * Search words and the filters GET /practices supports. They apply on "Search" (not on each
 * change: a select that reloads the list as it is browsed by keyboard would move the reader).
 */
export function LibraryFilters({ filters, onApply }: LibraryFiltersProps) {
  const { t } = useTranslation('practices');
  const sdgName = useSdgName();
  const cities = useAllCities();
  const [draft, setDraft] = useState(filters);
  // The address changed elsewhere (Back, a tag link): show its filters. Not a remount, which would drop focus.
  const applied = paramsOf(filters).toString();
  useEffect(() => setDraft(filters), [applied]);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim(), page: 1 });
  };
  const clear = () => {
    const empty = { q: '', field: '', sdg: '', language: '', cityId: '', sort: '', page: 1 };
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form role="search" aria-label={t('filters.label')} className="library-filters" onSubmit={submit}>
      <div className="field library-search">
        <label htmlFor="practice-q">{t('filters.q')}</label>
        <input id="practice-q" type="search" value={draft.q} onChange={set('q')} />
      </div>
      <div className="field">
        <label htmlFor="practice-field">{t('filters.field')}</label>
        <select id="practice-field" value={draft.field} onChange={set('field')}>
          <option value="">{t('filters.any')}</option>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`common:fields.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="practice-sdg">{t('filters.sdg')}</label>
        <select id="practice-sdg" value={draft.sdg} onChange={set('sdg')}>
          <option value="">{t('filters.any')}</option>
          {Array.from({ length: 17 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={String(n)}>
              {sdgName(n)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="practice-language">{t('filters.language')}</label>
        <select id="practice-language" value={draft.language} onChange={set('language')}>
          <option value="">{t('filters.any')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="practice-city">{t('filters.city')}</label>
        <select id="practice-city" value={draft.cityId} onChange={set('cityId')}>
          <option value="">{t('filters.anyCity')}</option>
          {cities.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="practice-sort">{t('filters.sort')}</label>
        <select id="practice-sort" value={draft.sort} onChange={set('sort')}>
          <option value="">{t('filters.sortDefault')}</option>
          <option value="recent">{t('filters.sortRecent')}</option>
          <option value="endorsed">{t('filters.sortEndorsed')}</option>
          <option value="relevance">{t('filters.sortRelevance')}</option>
        </select>
      </div>
      <div className="library-filter-actions">
        <Button type="submit">{t('filters.search')}</Button>
        <Button variant="quiet" onClick={clear}>
          {t('filters.clear')}
        </Button>
      </div>
    </form>
  );
}
