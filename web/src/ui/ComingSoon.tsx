import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading';

/** An honest placeholder for a section not built yet: its title, that it is coming, and a way back. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageHeading>{title}</PageHeading>
      <p className="notice">{t('comingSoon.body')}</p>
      <p>
        <Link to="/">{t('comingSoon.home')}</Link>
      </p>
    </section>
  );
}
