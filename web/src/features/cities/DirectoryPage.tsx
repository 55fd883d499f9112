import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CityList } from './CityList';
import { useAllCities, useDirectory, useMeta } from './city-queries';
import { DirectoryFiltersForm } from './DirectoryFilters';
import { DirectoryMap } from './DirectoryMap';
import { filtersToParams, hasFilters, parseFilters, type DirectoryFilters } from './filters';

/** /cities: the network's member cities, filtered (field, region, country, name), as a list and on a map. */
export function DirectoryPage() {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const directory = useDirectory(filters);
  const all = useAllCities();
  const { countryName, regionName } = useMeta();

  const countries = useMemo(() => {
    const codes = new Set((all.data ?? []).map((c) => c.country));
    if (filters.country) codes.add(filters.country);
    return [...codes].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, format.language));
  }, [all.data, filters.country, countryName, format.language]);

  const setFilters = (next: DirectoryFilters) => setParams(filtersToParams(next), { replace: true });
  const cities = directory.data;

  return (
    <section className="page">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <div className="directory">
        <DirectoryFiltersForm filters={filters} onChange={setFilters} countries={countries} regionName={regionName} />
        <div className="directory-results">
          {directory.isPending && <Loading />}
          {directory.isError && (
            <p className="notice notice-error">
              {t('common:ui.loadFailed')}{' '}
              <Button variant="secondary" onClick={() => void directory.refetch()}>
                {t('common:ui.retry')}
              </Button>
            </p>
          )}
          <p role="status" className="directory-count">
            {cities && t('count', { count: cities.length, n: format.number(cities.length) })}
            {directory.isFetching && cities && <span className="visually-hidden"> {t('common:ui.loading')}</span>}
          </p>
          {cities && cities.length === 0 && <p className="empty">{hasFilters(filters) ? t('empty.filtered') : t('empty.network')}</p>}
          {cities && cities.length > 0 && (
            <>
              <DirectoryMap cities={cities} countryName={countryName} />
              <CityList cities={cities} countryName={countryName} regionName={regionName} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
