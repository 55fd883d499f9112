import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FieldBadge } from '../../ui/FieldBadge';

/** The city the user acts for, with its creative field, under the greeting. */
export function YourCity({ cityId }: { cityId: string }) {
  const city = useQuery({
    queryKey: ['cities', cityId],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id: cityId } } })),
    staleTime: 5 * 60_000,
  });
  if (!city.data) return null;
  return (
    <p className="your-city">
      <span>{city.data.name}</span> <FieldBadge field={city.data.field} />
    </p>
  );
}
