import type { Lang } from '../../../shared/reference-data';
import { en, type Phrases } from './en';
import { es } from './es';
import { fr } from './fr';

export type { Phrases };

const PHRASES: Record<Lang, Phrases> = { en, es, fr };

/** The words of notifications in `lang` (English for anything else). */
export const phrasesIn = (lang: Lang | undefined): Phrases => PHRASES[lang ?? 'en'] ?? en;
