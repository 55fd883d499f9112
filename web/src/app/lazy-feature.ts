import type { ComponentType } from 'react';

/** A route's code as its own chunk: react-router loads it on the first visit (module's default export). */
export const lazyFeature = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });
