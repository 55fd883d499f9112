import { useTranslation } from 'react-i18next';
import { useCityName } from './practice-api';

/** A city's name from its id; the secretariat when there is none (an admin without a city). */
export function CityName({ id }: { id: string | null }) {
  const { t } = useTranslation('practices');
  const name = useCityName(id);
  if (!id) return <>{t('secretariat')}</>;
  return <>{name ?? t('aCity')}</>;
}
