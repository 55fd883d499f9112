import { useEffect, useRef, useState } from 'react';

/**
 * The map's size in CSS pixels, following its container's width at a fixed aspect: drawn in real
 * pixels, points and labels keep their size (and their 24 px target) on a phone instead of shrinking.
 */
export function useMapSize(aspect: number, initialWidth: number) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(initialWidth);
  useEffect(() => {
    const svg = ref.current?.parentElement;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry.contentRect.width);
      if (next > 0) setWidth(next);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  return { ref, size: { width, height: Math.round(width * aspect) } };
}
