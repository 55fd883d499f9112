import type { Lang } from '../../../shared/reference-data';
import { en, type MailWords } from './en';
import { es } from './es';
import { fr } from './fr';

export type { MailWords };

const WORDS: Record<Lang, MailWords> = { en, es, fr };

/** The words of e-mails in `lang` (English for anything else). */
export const mailWordsIn = (lang: Lang | undefined): MailWords => WORDS[lang ?? 'en'] ?? en;
