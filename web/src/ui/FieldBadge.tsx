import { useTranslation } from 'react-i18next';

/** The seven creative fields (sub-networks), each with its colour; the name is always shown beside it. */
export const CREATIVE_FIELDS = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'] as const;
export type CreativeField = (typeof CREATIVE_FIELDS)[number];

export function FieldBadge({ field }: { field: string }) {
  const { t } = useTranslation();
  const known = (CREATIVE_FIELDS as readonly string[]).includes(field);
  return (
    <span className={`field-badge${known ? ` field-${field}` : ''}`}>
      <span className="field-badge-dot" aria-hidden="true" />
      {known ? t(`fields.${field}`) : field}
    </span>
  );
}
