import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { CREATIVE_FIELDS } from '../../ui/FieldBadge';
import { hasFilters, REGIONS, type DirectoryFilters } from './filters';
import { useDebounced } from './useDebounced';

export interface DirectoryFiltersProps {
  filters: DirectoryFilters;
  onChange: (filters: DirectoryFilters) => void;
  /** Countries that have member cities (code and name), sorted by name. */
  countries: { code: string; name: string }[];
  regionName: (id: string) => string;
}

/**
 * The directory's filters. Each choice applies at once (no submit button to find); the name
 * applies once typing pauses. The URL holds them, so Back and a shared link restore the view.
 */
export function DirectoryFiltersForm({ filters, onChange, countries, regionName }: DirectoryFiltersProps) {
  const { t } = useTranslation('cities');
  const [name, setName] = useState(filters.q ?? '');
  const settledName = useDebounced(name, 300);
  useEffect(() => {
    if ((settledName.trim() || undefined) !== filters.q) onChange({ ...filters, q: settledName.trim() || undefined });
  }, [settledName]); // only a settled change of the name applies; the other filters call onChange directly
  useEffect(() => setName(filters.q ?? ''), [filters.q]); // Back/forward changes the URL under the field

  const set = (key: keyof DirectoryFilters, value: string) => onChange({ ...filters, [key]: value || undefined });
  return (
    <form role="search" aria-label={t('filters.label')} className="directory-filters" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="city-filter-name">{t('filters.name')}</label>
        <input id="city-filter-name" type="search" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="city-filter-field">{t('filters.field')}</label>
        <select id="city-filter-field" value={filters.field ?? ''} onChange={(e) => set('field', e.target.value)}>
          <option value="">{t('filters.anyField')}</option>
          {CREATIVE_FIELDS.map((field) => (
            <option key={field} value={field}>
              {t(`common:fields.${field}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="city-filter-region">{t('filters.region')}</label>
        <select id="city-filter-region" value={filters.region ?? ''} onChange={(e) => set('region', e.target.value)}>
          <option value="">{t('filters.anyRegion')}</option>
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {regionName(region)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="city-filter-country">{t('filters.country')}</label>
        <select id="city-filter-country" value={filters.country ?? ''} onChange={(e) => set('country', e.target.value)}>
          <option value="">{t('filters.anyCountry')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(filters) && (
        <Button
          variant="secondary"
          onClick={() => {
            setName('');
            onChange({});
          }}
        >
          {t('filters.clear')}
        </Button>
      )}
    </form>
  );
}
