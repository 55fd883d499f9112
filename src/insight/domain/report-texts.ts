import { regionLabel, type Lang, type Region } from '../../shared/reference-data';

/**
 * The summary sentence of each section of a city report, in the three platform languages. Kept
 * apart from the report's arithmetic so a translator finds every sentence in one place.
 */
export interface SectionFigures {
  city: string;
  /** Items in the section. */
  n: number;
  /** A second figure: partner cities, completed exchanges, cities… as the section says. */
  m: number;
  /** Average rating of the completed exchanges, when any. */
  rating: number | null;
  regions: Region[];
  sdgs: number[];
}

export type SectionName =
  | 'projectsLed'
  | 'projectsJoined'
  | 'practicesShared'
  | 'endorsementsGiven'
  | 'endorsementsReceived'
  | 'exchangesHosted'
  | 'exchangesRequested'
  | 'partnerCities'
  | 'regionsReached'
  | 'sdgs';

type Sentences = Record<SectionName, (f: SectionFigures) => string>;

const n1 = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const list = (items: string[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
const ratingText = (lang: Lang, rating: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(rating);

const EN: Sentences = {
  projectsLed: (f) =>
    f.n === 0
      ? `${f.city} led no project in this period.`
      : `${f.city} led ${n1(f.n, 'project', 'projects')} with ${n1(f.m, 'partner city', 'partner cities')}.`,
  projectsJoined: (f) =>
    f.n === 0
      ? `${f.city} took part in no project led by another city.`
      : `${f.city} took part in ${n1(f.n, 'project', 'projects')} led by other cities.`,
  practicesShared: (f) =>
    f.n === 0 ? `${f.city} shared no practice in this period.` : `${f.city} shared ${n1(f.n, 'practice', 'practices')} with the network.`,
  endorsementsGiven: (f) =>
    f.n === 0
      ? `${f.city} endorsed no practice.`
      : `${f.city} endorsed ${n1(f.n, 'practice', 'practices')} of ${n1(f.m, 'other city', 'other cities')}.`,
  endorsementsReceived: (f) =>
    f.n === 0
      ? `No city endorsed a practice of ${f.city}.`
      : `Practices of ${f.city} received ${n1(f.n, 'endorsement', 'endorsements')} from ${n1(f.m, 'city', 'cities')}.`,
  exchangesHosted: (f) =>
    f.n === 0
      ? `${f.city} hosted no exchange.`
      : `${f.city} was asked for ${n1(f.n, 'exchange', 'exchanges')}, ${f.m} completed${f.rating === null ? '' : `, rated ${ratingText('en', f.rating)} out of 5 on average`}.`,
  exchangesRequested: (f) =>
    f.n === 0
      ? `${f.city} requested no exchange.`
      : `${f.city} requested ${n1(f.n, 'exchange', 'exchanges')}, ${f.m} completed${f.rating === null ? '' : `, rated ${ratingText('en', f.rating)} out of 5 on average`}.`,
  partnerCities: (f) =>
    f.n === 0
      ? `${f.city} worked with no other city in this period.`
      : `${f.city} worked with ${n1(f.n, 'city', 'cities')} in ${n1(f.m, 'region', 'regions')}.`,
  regionsReached: (f) =>
    f.n === 0
      ? 'No region was reached.'
      : `Partners came from ${n1(f.n, 'region', 'regions')}: ${f.regions.map((r) => regionLabel(r, 'en')).join('; ')}.`,
  sdgs: (f) => (f.n === 0 ? 'No SDG was touched.' : `The work touched ${n1(f.n, 'SDG', 'SDGs')}: ${list(f.sdgs.map(String), 'and')}.`),
};

const ES: Sentences = {
  projectsLed: (f) =>
    f.n === 0
      ? `${f.city} no lideró ningún proyecto en este periodo.`
      : `${f.city} lideró ${n1(f.n, 'proyecto', 'proyectos')} con ${n1(f.m, 'ciudad socia', 'ciudades socias')}.`,
  projectsJoined: (f) =>
    f.n === 0
      ? `${f.city} no participó en ningún proyecto liderado por otra ciudad.`
      : `${f.city} participó en ${n1(f.n, 'proyecto liderado', 'proyectos liderados')} por otras ciudades.`,
  practicesShared: (f) =>
    f.n === 0 ? `${f.city} no compartió ninguna práctica en este periodo.` : `${f.city} compartió ${n1(f.n, 'práctica', 'prácticas')} con la red.`,
  endorsementsGiven: (f) =>
    f.n === 0
      ? `${f.city} no respaldó ninguna práctica.`
      : `${f.city} respaldó ${n1(f.n, 'práctica', 'prácticas')} de ${f.m === 1 ? 'otra ciudad' : `${f.m} otras ciudades`}.`,
  endorsementsReceived: (f) =>
    f.n === 0
      ? `Ninguna ciudad respaldó una práctica de ${f.city}.`
      : `Las prácticas de ${f.city} recibieron ${n1(f.n, 'respaldo', 'respaldos')} de ${n1(f.m, 'ciudad', 'ciudades')}.`,
  exchangesHosted: (f) =>
    f.n === 0
      ? `${f.city} no acogió ningún intercambio.`
      : `A ${f.city} le pidieron ${n1(f.n, 'intercambio', 'intercambios')}, ${n1(f.m, 'completado', 'completados')}${f.rating === null ? '' : `, con una valoración media de ${ratingText('es', f.rating)} sobre 5`}.`,
  exchangesRequested: (f) =>
    f.n === 0
      ? `${f.city} no solicitó ningún intercambio.`
      : `${f.city} solicitó ${n1(f.n, 'intercambio', 'intercambios')}, ${n1(f.m, 'completado', 'completados')}${f.rating === null ? '' : `, con una valoración media de ${ratingText('es', f.rating)} sobre 5`}.`,
  partnerCities: (f) =>
    f.n === 0
      ? `${f.city} no trabajó con ninguna otra ciudad en este periodo.`
      : `${f.city} trabajó con ${n1(f.n, 'ciudad', 'ciudades')} de ${n1(f.m, 'región', 'regiones')}.`,
  regionsReached: (f) =>
    f.n === 0
      ? 'No se alcanzó ninguna región.'
      : `Las ciudades socias procedían de ${n1(f.n, 'región', 'regiones')}: ${f.regions.map((r) => regionLabel(r, 'es')).join('; ')}.`,
  sdgs: (f) => (f.n === 0 ? 'No se abordó ningún ODS.' : `El trabajo abordó ${n1(f.n, 'ODS', 'ODS')}: ${list(f.sdgs.map(String), 'y')}.`),
};

const FR: Sentences = {
  projectsLed: (f) =>
    f.n === 0
      ? `${f.city} n’a mené aucun projet sur cette période.`
      : `${f.city} a mené ${n1(f.n, 'projet', 'projets')} avec ${n1(f.m, 'ville partenaire', 'villes partenaires')}.`,
  projectsJoined: (f) =>
    f.n === 0
      ? `${f.city} n’a participé à aucun projet mené par une autre ville.`
      : `${f.city} a participé à ${n1(f.n, 'projet mené', 'projets menés')} par d’autres villes.`,
  practicesShared: (f) =>
    f.n === 0
      ? `${f.city} n’a partagé aucune pratique sur cette période.`
      : `${f.city} a partagé ${n1(f.n, 'pratique', 'pratiques')} avec le réseau.`,
  endorsementsGiven: (f) =>
    f.n === 0
      ? `${f.city} n’a soutenu aucune pratique.`
      : `${f.city} a soutenu ${n1(f.n, 'pratique', 'pratiques')} ${f.m === 1 ? 'd’une autre ville' : `de ${f.m} autres villes`}.`,
  endorsementsReceived: (f) =>
    f.n === 0
      ? `Aucune ville n’a soutenu une pratique de ${f.city}.`
      : `Les pratiques de ${f.city} ont reçu ${n1(f.n, 'soutien', 'soutiens')} de ${n1(f.m, 'ville', 'villes')}.`,
  exchangesHosted: (f) =>
    f.n === 0
      ? `${f.city} n’a accueilli aucun échange.`
      : `${f.city} a été sollicitée pour ${n1(f.n, 'échange', 'échanges')}, dont ${n1(f.m, 'mené', 'menés')} à terme${f.rating === null ? '' : `, notés ${ratingText('fr', f.rating)} sur 5 en moyenne`}.`,
  exchangesRequested: (f) =>
    f.n === 0
      ? `${f.city} n’a demandé aucun échange.`
      : `${f.city} a demandé ${n1(f.n, 'échange', 'échanges')}, dont ${n1(f.m, 'mené', 'menés')} à terme${f.rating === null ? '' : `, notés ${ratingText('fr', f.rating)} sur 5 en moyenne`}.`,
  partnerCities: (f) =>
    f.n === 0
      ? `${f.city} n’a travaillé avec aucune autre ville sur cette période.`
      : `${f.city} a travaillé avec ${n1(f.n, 'ville', 'villes')} de ${n1(f.m, 'région', 'régions')}.`,
  regionsReached: (f) =>
    f.n === 0
      ? 'Aucune région n’a été atteinte.'
      : `Les villes partenaires venaient de ${n1(f.n, 'région', 'régions')} : ${f.regions.map((r) => regionLabel(r, 'fr')).join(' ; ')}.`,
  sdgs: (f) => (f.n === 0 ? 'Aucun ODD n’a été abordé.' : `Le travail a abordé ${n1(f.n, 'ODD', 'ODD')} : ${list(f.sdgs.map(String), 'et')}.`),
};

const SENTENCES: Record<Lang, Sentences> = { en: EN, es: ES, fr: FR };

export const summarySentence = (lang: Lang, section: SectionName, figures: SectionFigures): string => SENTENCES[lang][section](figures);

/** Headings of the sections and the printable page, per language. */
export const REPORT_HEADINGS: Record<Lang, Record<SectionName | 'title' | 'period' | 'summary', string>> = {
  en: {
    title: 'Activity report',
    period: 'Period',
    summary: 'Summary',
    projectsLed: 'Projects led',
    projectsJoined: 'Projects joined',
    practicesShared: 'Practices shared',
    endorsementsGiven: 'Endorsements given',
    endorsementsReceived: 'Endorsements received',
    exchangesHosted: 'Exchanges hosted',
    exchangesRequested: 'Exchanges requested',
    partnerCities: 'Partner cities',
    regionsReached: 'Regions reached',
    sdgs: 'SDGs touched',
  },
  es: {
    title: 'Informe de actividad',
    period: 'Periodo',
    summary: 'Resumen',
    projectsLed: 'Proyectos liderados',
    projectsJoined: 'Proyectos en los que participó',
    practicesShared: 'Prácticas compartidas',
    endorsementsGiven: 'Respaldos dados',
    endorsementsReceived: 'Respaldos recibidos',
    exchangesHosted: 'Intercambios acogidos',
    exchangesRequested: 'Intercambios solicitados',
    partnerCities: 'Ciudades socias',
    regionsReached: 'Regiones alcanzadas',
    sdgs: 'ODS abordados',
  },
  fr: {
    title: 'Rapport d’activité',
    period: 'Période',
    summary: 'Résumé',
    projectsLed: 'Projets menés',
    projectsJoined: 'Projets rejoints',
    practicesShared: 'Pratiques partagées',
    endorsementsGiven: 'Soutiens donnés',
    endorsementsReceived: 'Soutiens reçus',
    exchangesHosted: 'Échanges accueillis',
    exchangesRequested: 'Échanges demandés',
    partnerCities: 'Villes partenaires',
    regionsReached: 'Régions atteintes',
    sdgs: 'ODD abordés',
  },
};
