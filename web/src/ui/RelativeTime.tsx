import { useEffect, useState } from 'react';
import { useFormat } from '../i18n/format';

/** "2 hours ago" in the chosen language, the exact date and time in its title; refreshed every minute. */
export function RelativeTime({ iso }: { iso: string }) {
  const format = useFormat();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={format.dateTime(iso)}>
      {format.relative(iso, now)}
    </time>
  );
}
