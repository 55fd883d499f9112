import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREATIVE_FIELDS } from '../../ui/FieldBadge';
import type { ProjectFilters } from './list-filters';
import { useCities } from './project-queries';
import { SDGS, STATUSES } from './vocabulary';

/** The list's filters: chosen here, applied on "Show projects" (one request, not one per key). */
export function ProjectFilterForm({ filters, onApply }: { filters: ProjectFilters; onApply: (next: ProjectFilters) => void }) {
  const { t } = useTranslation('projects');
  const cities = useCities().data ?? [];
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim(), page: 1 });
  };
  const clear = () => {
    const empty: ProjectFilters = { q: '', status: '', field: '', sdg: null, cityId: '', page: 1 };
    setDraft(empty);
    onApply(empty);
  };
  return (
    <form className="project-filters" onSubmit={submit} role="search" aria-label={t('filters.label')}>
      <div className="field">
        <label htmlFor="filter-q">{t('filters.q')}</label>
        <input id="filter-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('filters.status')}</label>
        <select id="filter-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as ProjectFilters['status'] })}>
          <option value="">{t('filters.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-field">{t('filters.field')}</label>
        <select id="filter-field" value={draft.field} onChange={(e) => setDraft({ ...draft, field: e.target.value as ProjectFilters['field'] })}>
          <option value="">{t('filters.any')}</option>
          {CREATIVE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`common:fields.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-sdg">{t('filters.sdg')}</label>
        <select id="filter-sdg" value={draft.sdg ?? ''} onChange={(e) => setDraft({ ...draft, sdg: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('filters.any')}</option>
          {SDGS.map((n) => (
            <option key={n} value={n}>
              {n}. {t(`sdg.${n}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-city">{t('filters.city')}</label>
        <select id="filter-city" value={draft.cityId} onChange={(e) => setDraft({ ...draft, cityId: e.target.value })}>
          <option value="">{t('filters.anyCity')}</option>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-buttons">
        <button type="submit" className="btn btn-primary">
          {t('filters.apply')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
