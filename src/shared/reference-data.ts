/**
 * Reference data of the UNESCO Creative Cities Network (SPEC §1): creative fields, regions, action
 * areas, sectors and SDGs, with labels in the three languages of the platform.
 *
 * Pure constants and functions (no framework, no I/O), shared by every module: domain validation
 * uses the type guards, `GET /meta?lang=` serves `localize(lang)`, and notification texts use the
 * labels. Ids are the API contract; labels may be reworded without breaking clients.
 */

export const LANGS = ['en', 'es', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** A text in each platform language. */
export type Labels = Readonly<Record<Lang, string>>;

/** The seven thematic sub-networks. Labels exactly as SPEC §1. */
export const CREATIVE_FIELDS = [
  { id: 'crafts-folk-art', label: { en: 'Crafts and Folk Art', es: 'Artesanía y Arte Popular', fr: 'Artisanat et arts populaires' } },
  { id: 'design', label: { en: 'Design', es: 'Diseño', fr: 'Design' } },
  { id: 'film', label: { en: 'Film', es: 'Cine', fr: 'Cinéma' } },
  { id: 'gastronomy', label: { en: 'Gastronomy', es: 'Gastronomía', fr: 'Gastronomie' } },
  { id: 'literature', label: { en: 'Literature', es: 'Literatura', fr: 'Littérature' } },
  { id: 'media-arts', label: { en: 'Media Arts', es: 'Artes Digitales', fr: 'Arts numériques' } },
  { id: 'music', label: { en: 'Music', es: 'Música', fr: 'Musique' } },
] as const;
export type CreativeField = (typeof CREATIVE_FIELDS)[number]['id'];

/** UNESCO's five electoral regions, which the network uses to group its members. */
export const REGIONS = [
  { id: 'africa', label: { en: 'Africa', es: 'África', fr: 'Afrique' } },
  { id: 'arab-states', label: { en: 'Arab States', es: 'Estados Árabes', fr: 'États arabes' } },
  { id: 'asia-pacific', label: { en: 'Asia and the Pacific', es: 'Asia y el Pacífico', fr: 'Asie et Pacifique' } },
  {
    id: 'europe-north-america',
    label: { en: 'Europe and North America', es: 'Europa y América del Norte', fr: 'Europe et Amérique du Nord' },
  },
  {
    id: 'latin-america-caribbean',
    label: { en: 'Latin America and the Caribbean', es: 'América Latina y el Caribe', fr: 'Amérique latine et Caraïbes' },
  },
] as const;
export type Region = (typeof REGIONS)[number]['id'];

/** The network's fields of action; descriptions follow the seeds ("Campos de acción"). */
export const ACTION_AREAS = [
  {
    id: 'experience-exchange',
    label: { en: 'Exchange of experiences', es: 'Intercambio de experiencias', fr: "Échange d'expériences" },
    description: {
      en: 'Exchange of experiences, knowledge and best practices',
      es: 'Intercambio de experiencias, conocimientos y buenas prácticas',
      fr: "Échange d'expériences, de connaissances et de bonnes pratiques",
    },
  },
  {
    id: 'pilot-projects',
    label: { en: 'Pilot projects', es: 'Proyectos piloto', fr: 'Projets pilotes' },
    description: {
      en: 'Projects, cooperation and pilot initiatives associating the public sector, the private sector and civil society',
      es: 'Proyectos, cooperación e iniciativas piloto que asocien el sector público, el sector privado y la sociedad civil',
      fr: 'Projets, coopération et initiatives pilotes associant le secteur public, le secteur privé et la société civile',
    },
  },
  {
    id: 'professional-exchange',
    label: { en: 'Professional and artistic exchange', es: 'Intercambio profesional y artístico', fr: 'Échanges professionnels et artistiques' },
    description: {
      en: 'Professional and artistic exchange programmes and networks',
      es: 'Programas y redes de intercambio profesionales y artísticos',
      fr: "Programmes et réseaux d'échanges professionnels et artistiques",
    },
  },
  {
    id: 'research',
    label: { en: 'Research and evaluation', es: 'Investigación y evaluación', fr: 'Recherche et évaluation' },
    description: {
      en: "Studies, research and evaluations of the Creative Cities' experience",
      es: 'Estudios, investigaciones y evaluaciones de la experiencia de las Ciudades Creativas',
      fr: "Études, recherches et évaluations de l'expérience des Villes créatives",
    },
  },
  {
    id: 'urban-policy',
    label: { en: 'Sustainable urban policy', es: 'Política urbana sostenible', fr: 'Politique urbaine durable' },
    description: {
      en: 'Policies and measures for sustainable urban development',
      es: 'Políticas y medidas para el desarrollo urbano sostenible',
      fr: 'Politiques et mesures pour le développement urbain durable',
    },
  },
  {
    id: 'communication',
    label: { en: 'Communication and awareness', es: 'Comunicación y sensibilización', fr: 'Communication et sensibilisation' },
    description: {
      en: 'Communication and awareness-raising actions',
      es: 'Acciones de comunicación y sensibilización',
      fr: 'Actions de communication et de sensibilisation',
    },
  },
] as const;
export type ActionArea = (typeof ACTION_AREAS)[number]['id'];

/** The three sectors the network's projects associate. */
export const SECTORS = [
  { id: 'public', label: { en: 'Public sector', es: 'Sector público', fr: 'Secteur public' } },
  { id: 'private', label: { en: 'Private sector', es: 'Sector privado', fr: 'Secteur privé' } },
  { id: 'civil-society', label: { en: 'Civil society', es: 'Sociedad civil', fr: 'Société civile' } },
] as const;
export type Sector = (typeof SECTORS)[number]['id'];

/** The 17 UN Sustainable Development Goals, with their official short names. SDG 11 is the network's anchor. */
export const SDGS = [
  { id: 1, label: { en: 'No Poverty', es: 'Fin de la pobreza', fr: 'Pas de pauvreté' } },
  { id: 2, label: { en: 'Zero Hunger', es: 'Hambre cero', fr: 'Faim « zéro »' } },
  { id: 3, label: { en: 'Good Health and Well-being', es: 'Salud y bienestar', fr: 'Bonne santé et bien-être' } },
  { id: 4, label: { en: 'Quality Education', es: 'Educación de calidad', fr: 'Éducation de qualité' } },
  { id: 5, label: { en: 'Gender Equality', es: 'Igualdad de género', fr: 'Égalité entre les sexes' } },
  { id: 6, label: { en: 'Clean Water and Sanitation', es: 'Agua limpia y saneamiento', fr: 'Eau propre et assainissement' } },
  {
    id: 7,
    label: { en: 'Affordable and Clean Energy', es: 'Energía asequible y no contaminante', fr: "Énergie propre et d'un coût abordable" },
  },
  {
    id: 8,
    label: { en: 'Decent Work and Economic Growth', es: 'Trabajo decente y crecimiento económico', fr: 'Travail décent et croissance économique' },
  },
  {
    id: 9,
    label: {
      en: 'Industry, Innovation and Infrastructure',
      es: 'Industria, innovación e infraestructura',
      fr: 'Industrie, innovation et infrastructure',
    },
  },
  { id: 10, label: { en: 'Reduced Inequalities', es: 'Reducción de las desigualdades', fr: 'Inégalités réduites' } },
  { id: 11, label: { en: 'Sustainable Cities and Communities', es: 'Ciudades y comunidades sostenibles', fr: 'Villes et communautés durables' } },
  {
    id: 12,
    label: { en: 'Responsible Consumption and Production', es: 'Producción y consumo responsables', fr: 'Consommation et production responsables' },
  },
  {
    id: 13,
    label: { en: 'Climate Action', es: 'Acción por el clima', fr: 'Mesures relatives à la lutte contre les changements climatiques' },
  },
  { id: 14, label: { en: 'Life Below Water', es: 'Vida submarina', fr: 'Vie aquatique' } },
  { id: 15, label: { en: 'Life on Land', es: 'Vida de ecosistemas terrestres', fr: 'Vie terrestre' } },
  {
    id: 16,
    label: {
      en: 'Peace, Justice and Strong Institutions',
      es: 'Paz, justicia e instituciones sólidas',
      fr: 'Paix, justice et institutions efficaces',
    },
  },
  {
    id: 17,
    label: { en: 'Partnerships for the Goals', es: 'Alianzas para lograr los objetivos', fr: 'Partenariats pour la réalisation des objectifs' },
  },
] as const;
export type Sdg = (typeof SDGS)[number]['id'];

// Id lists, handy for DTO decorators (`@IsIn(CREATIVE_FIELD_IDS)`), zod enums and mongoose enums.
export const CREATIVE_FIELD_IDS: readonly CreativeField[] = CREATIVE_FIELDS.map((f) => f.id);
export const REGION_IDS: readonly Region[] = REGIONS.map((r) => r.id);
export const ACTION_AREA_IDS: readonly ActionArea[] = ACTION_AREAS.map((a) => a.id);
export const SECTOR_IDS: readonly Sector[] = SECTORS.map((s) => s.id);
export const SDG_IDS: readonly Sdg[] = SDGS.map((s) => s.id);

// Type guards: accept `unknown` so they can check raw input (query strings, CSV rows) directly.
const has =
  <T>(ids: readonly T[]) =>
  (value: unknown): value is T =>
    (ids as readonly unknown[]).includes(value);
export const isLang: (value: unknown) => value is Lang = has(LANGS);
export const isCreativeField: (value: unknown) => value is CreativeField = has(CREATIVE_FIELD_IDS);
export const isRegion: (value: unknown) => value is Region = has(REGION_IDS);
export const isActionArea: (value: unknown) => value is ActionArea = has(ACTION_AREA_IDS);
export const isSector: (value: unknown) => value is Sector = has(SECTOR_IDS);
export const isSdg: (value: unknown) => value is Sdg = has(SDG_IDS);

type Entry<Id> = { readonly id: Id; readonly label: Labels };
const labelOf = <Id>(entries: readonly Entry<Id>[], id: Id, lang: Lang): string => entries.find((e) => e.id === id)?.label[lang] ?? String(id);

/** Label of one id in one language, e.g. `fieldLabel('music', 'es')` → "Música". */
export const fieldLabel = (id: CreativeField, lang: Lang = DEFAULT_LANG) => labelOf(CREATIVE_FIELDS, id, lang);
export const regionLabel = (id: Region, lang: Lang = DEFAULT_LANG) => labelOf(REGIONS, id, lang);
export const actionAreaLabel = (id: ActionArea, lang: Lang = DEFAULT_LANG) => labelOf(ACTION_AREAS, id, lang);
export const sectorLabel = (id: Sector, lang: Lang = DEFAULT_LANG) => labelOf(SECTORS, id, lang);
export const sdgLabel = (id: Sdg, lang: Lang = DEFAULT_LANG) => labelOf(SDGS, id, lang);

/**
 * Name of a spoken language (ISO 639-1 code, as in `City.languages`) in a platform language:
 * `languageName('ca')` → "Catalan", `languageName('eu', 'es')` → "euskera". Uses the ICU data Node
 * ships with, so any code works without a table here; an unknown code comes back as given.
 */
export function languageName(code: string, lang: Lang = DEFAULT_LANG): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // malformed tag: RangeError
  }
}

/** The whole reference set in one language: the body of `GET /meta?lang=`. */
export interface LocalizedReferenceData {
  lang: Lang;
  fields: { id: CreativeField; label: string }[];
  regions: { id: Region; label: string }[];
  actionAreas: { id: ActionArea; label: string; description: string }[];
  sectors: { id: Sector; label: string }[];
  sdgs: { id: Sdg; label: string }[];
}

export function localize(lang: Lang = DEFAULT_LANG): LocalizedReferenceData {
  const pick = <Id>(entries: readonly Entry<Id>[]) => entries.map((e) => ({ id: e.id, label: e.label[lang] }));
  return {
    lang,
    fields: pick(CREATIVE_FIELDS),
    regions: pick(REGIONS),
    actionAreas: ACTION_AREAS.map((a) => ({ id: a.id, label: a.label[lang], description: a.description[lang] })),
    sectors: pick(SECTORS),
    sdgs: pick(SDGS),
  };
}

/**
 * The platform language for a request: the `?lang=` value if it is one of ours, else the best
 * match of an `Accept-Language` header (`es-ES,es;q=0.9,en;q=0.8` → `es`), else English.
 * Malformed parts are ignored rather than rejected: a bad header must never fail a read.
 */
export function negotiateLang(query?: string | null, acceptLanguage?: string | null): Lang {
  const fromQuery = query?.trim().toLowerCase();
  if (isLang(fromQuery)) return fromQuery;
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { base: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((c) => c.base).find(isLang) ?? DEFAULT_LANG;
}
