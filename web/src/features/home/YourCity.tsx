import { useCity } from '../../api/cities';
import { FieldBadge } from '../../ui/FieldBadge';

/** The city the user acts for, with its creative field, under the greeting. */
export function YourCity({ cityId }: { cityId: string }) {
  const city = useCity(cityId).data;
  if (!city) return null;
  return (
    <p className="your-city">
      <span>{city.name}</span> <FieldBadge field={city.field} />
    </p>
  );
}
