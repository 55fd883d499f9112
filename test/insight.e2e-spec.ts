import { TestServices } from '@app/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { parse } from 'csv-parse/sync';
import type { Connection } from 'mongoose';
import { unlistCell, untextCell } from '../src/insight/domain/csv-cells';
import { expectProblem } from './support/http-expectations';
import { buildInsightNetwork, insightCaughtUp, rebuildInsight, type InsightNetwork } from './support/insight-network';
import { startApp, type RunningApp } from './support/test-app';

/**
 * SPEC §3 "Network insight" over HTTP: a network of five cities built through the API (no seed
 * cities, so every figure is known: see support/insight-network.ts), then every count of /stats,
 * every edge of the graph and every line of a city report checked against it; the exports read
 * back; and each read model rebuilt from the log giving the same answers.
 */
describe('Network insight (HTTP)', () => {
  let services: TestServices;
  let running: RunningApp;
  let net: InsightNetwork;
  const month = new Date().toISOString().slice(0, 7);
  const year = Number(month.slice(0, 4));
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { SEED_ON_START: 'false' });
    net = await buildInsightNetwork(running);
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  const get = async (path: string, as = running.api) => {
    const res = await as.get(path);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res;
  };
  const zeros = <K extends string>(key: K, ids: readonly (string | number)[], counts: Record<string, number>) =>
    ids.map((id) => ({ [key]: id, count: counts[String(id)] ?? 0 }));
  const FIELDS = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'];
  const REGIONS = ['africa', 'arab-states', 'asia-pacific', 'europe-north-america', 'latin-america-caribbean'];
  const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);
  const entry = (collaborations: number, crossRegion: number) => ({
    collaborations,
    crossRegion,
    share: collaborations === 0 ? 0 : Math.round((crossRegion / collaborations) * 10_000) / 10_000,
  });

  function expectedStats() {
    return {
      cities: {
        total: 5,
        byField: zeros('field', FIELDS, { music: 3, 'media-arts': 1, 'crafts-folk-art': 1 }),
        byRegion: zeros('region', REGIONS, { 'europe-north-america': 2, africa: 1, 'latin-america-caribbean': 1, 'arab-states': 1 }),
        byStatus: [],
        bySdg: [],
        byMonth: [{ month, count: 5 }],
      },
      projects: {
        total: 4,
        // P1, P2, P4 (music and media arts), P3.
        byField: zeros('field', FIELDS, { music: 3, 'media-arts': 1, 'crafts-folk-art': 1 }),
        // Lead and accepted partners now: P1 Europe+Africa+Latin America, P2 Europe, P3 Arab States, P4 Africa.
        byRegion: zeros('region', REGIONS, { 'europe-north-america': 2, africa: 2, 'latin-america-caribbean': 1, 'arab-states': 1 }),
        byStatus: zeros('status', ['proposed', 'active', 'completed', 'cancelled'], { proposed: 1, active: 1, completed: 1, cancelled: 1 }),
        bySdg: zeros('sdg', SDGS, { 11: 2, 4: 2, 5: 1, 8: 1 }),
        byMonth: [{ month, count: 4 }],
      },
      practices: {
        total: 3,
        byField: zeros('field', FIELDS, { music: 2, 'media-arts': 1 }),
        byRegion: zeros('region', REGIONS, { 'latin-america-caribbean': 1, africa: 1, 'europe-north-america': 1 }),
        byStatus: zeros('status', ['published', 'hidden'], { published: 3, hidden: 1 }),
        bySdg: zeros('sdg', SDGS, { 4: 2, 11: 1, 9: 1 }),
        byMonth: [{ month, count: 3 }],
      },
      exchanges: {
        total: 4,
        // The practice's field: x1 Carnival, x2 and x3 Flamenco (music), x4 Media labs.
        byField: zeros('field', FIELDS, { music: 3, 'media-arts': 1 }),
        byRegion: zeros('region', REGIONS, { 'europe-north-america': 3, 'latin-america-caribbean': 1, africa: 2, 'arab-states': 1 }),
        byStatus: zeros('status', ['requested', 'accepted', 'declined', 'cancelled', 'completed'], { requested: 1, declined: 1, completed: 2 }),
        bySdg: zeros('sdg', SDGS, { 4: 3, 11: 1, 9: 1 }),
        byMonth: [{ month, count: 4 }],
      },
      // Collaborations: P1 (across), P2 (within Europe), x1 Sevilla–Salvador and x2 Dakar–Sevilla (across).
      balance: {
        ...entry(4, 3),
        projects: entry(2, 1),
        exchanges: entry(2, 2),
        byField: FIELDS.map((field) => ({ field, ...(field === 'music' ? entry(4, 3) : entry(0, 0)) })),
        byYear: [{ year, ...entry(4, 3) }],
        regions: [
          {
            region: 'africa',
            ...entry(2, 2),
            links: [
              { region: 'arab-states', projects: 0, exchanges: 0 },
              { region: 'asia-pacific', projects: 0, exchanges: 0 },
              { region: 'europe-north-america', projects: 1, exchanges: 1 },
              { region: 'latin-america-caribbean', projects: 1, exchanges: 0 },
            ],
          },
          {
            region: 'arab-states',
            ...entry(0, 0),
            links: ['africa', 'asia-pacific', 'europe-north-america', 'latin-america-caribbean'].map((region) => ({
              region,
              projects: 0,
              exchanges: 0,
            })),
          },
          {
            region: 'asia-pacific',
            ...entry(0, 0),
            links: ['africa', 'arab-states', 'europe-north-america', 'latin-america-caribbean'].map((region) => ({
              region,
              projects: 0,
              exchanges: 0,
            })),
          },
          {
            region: 'europe-north-america',
            ...entry(4, 3),
            links: [
              { region: 'africa', projects: 1, exchanges: 1 },
              { region: 'arab-states', projects: 0, exchanges: 0 },
              { region: 'asia-pacific', projects: 0, exchanges: 0 },
              { region: 'latin-america-caribbean', projects: 1, exchanges: 1 },
            ],
          },
          {
            region: 'latin-america-caribbean',
            ...entry(2, 2),
            links: [
              { region: 'africa', projects: 1, exchanges: 0 },
              { region: 'arab-states', projects: 0, exchanges: 0 },
              { region: 'asia-pacific', projects: 0, exchanges: 0 },
              { region: 'europe-north-america', projects: 1, exchanges: 1 },
            ],
          },
        ],
      },
    };
  }

  const node = (user: { cityId: string }, name: string, country: string, field: string, region: string, at?: { lat: number; lng: number }) => ({
    cityId: user.cityId,
    name,
    country,
    field,
    region,
    ...(at ?? {}),
  });
  const edge = (x: { cityId: string }, y: { cityId: string }, projects: number, exchanges: number) => {
    const [a, b] = x.cityId < y.cityId ? [x.cityId, y.cityId] : [y.cityId, x.cityId];
    return { a, b, projects, exchanges };
  };
  const byAB = (e1: { a: string; b: string }, e2: { a: string; b: string }) => (e1.a === e2.a ? (e1.b < e2.b ? -1 : 1) : e1.a < e2.a ? -1 : 1);

  it('counts cities, projects, practices and exchanges by field, region, status, SDG and month, and the balance across regions', async () => {
    expect((await get('/stats')).body).toEqual(expectedStats());
  });

  it('draws the collaboration graph, weighted by shared projects and completed exchanges, and filters it', async () => {
    const { sevilla, bologna, dakar, salvador, amman } = net;
    const nodes = {
      amman: node(amman, 'Amman', 'JO', 'crafts-folk-art', 'arab-states'),
      bologna: node(bologna, 'Bologna', 'IT', 'music', 'europe-north-america'),
      dakar: node(dakar, 'Dakar', 'SN', 'media-arts', 'africa', { lat: 14.69, lng: -17.44 }),
      salvador: node(salvador, 'Salvador', 'BR', 'music', 'latin-america-caribbean'),
      sevilla: node(sevilla, 'Sevilla', 'ES', 'music', 'europe-north-america', { lat: 37.39, lng: -5.98 }),
    };
    expect((await get('/network/graph')).body).toEqual({
      nodes: [nodes.amman, nodes.bologna, nodes.dakar, nodes.salvador, nodes.sevilla],
      // P1 links its three members; P2 Sevilla–Bologna; x1 Sevilla–Salvador; x2 Dakar–Sevilla. P3 and P4 have no partner now.
      edges: [edge(sevilla, dakar, 1, 1), edge(sevilla, salvador, 1, 1), edge(dakar, salvador, 1, 0), edge(sevilla, bologna, 1, 0)].sort(byAB),
    });
    expect((await get('/network/graph?region=europe-north-america')).body).toEqual({
      nodes: [nodes.bologna, nodes.sevilla],
      edges: [edge(sevilla, bologna, 1, 0)],
    });
    expect((await get('/network/graph?field=music')).body).toEqual({
      nodes: [nodes.bologna, nodes.salvador, nodes.sevilla],
      edges: [edge(sevilla, salvador, 1, 1), edge(sevilla, bologna, 1, 0)].sort(byAB),
    });
    expect((await get('/network/graph?field=design')).body).toEqual({ nodes: [], edges: [] });
    expectProblem(await running.api.get('/network/graph?field=opera'), 400);
    expectProblem(await running.api.get('/network/graph?region=mars'), 400);
  });

  function expectedReport(lang: 'en' | 'es' | 'fr') {
    const { sevilla, bologna, dakar, salvador, projects, practices, exchanges } = net;
    const ref = (user: { cityId: string }, name: string, region: string) => ({ cityId: user.cityId, name, region });
    const SUMMARIES = {
      en: [
        'Sevilla led 2 projects with 3 partner cities.',
        'Sevilla took part in no project led by another city.',
        'Sevilla shared 1 practice with the network.',
        'Sevilla endorsed 1 practice of 1 other city.',
        'Practices of Sevilla received 1 endorsement from 1 city.',
        'Sevilla was asked for 2 exchanges, 1 completed, rated 3 out of 5 on average.',
        'Sevilla requested 1 exchange, 1 completed, rated 5 out of 5 on average.',
        'Sevilla worked with 3 cities in 3 regions.',
        'Partners came from 3 regions: Africa; Europe and North America; Latin America and the Caribbean.',
        'The work touched 2 SDGs: 4 and 11.',
      ],
      es: [
        'Sevilla lideró 2 proyectos con 3 ciudades socias.',
        'Sevilla no participó en ningún proyecto liderado por otra ciudad.',
        'Sevilla compartió 1 práctica con la red.',
        'Sevilla respaldó 1 práctica de otra ciudad.',
        'Las prácticas de Sevilla recibieron 1 respaldo de 1 ciudad.',
        'A Sevilla le pidieron 2 intercambios, 1 completado, con una valoración media de 3 sobre 5.',
        'Sevilla solicitó 1 intercambio, 1 completado, con una valoración media de 5 sobre 5.',
        'Sevilla trabajó con 3 ciudades de 3 regiones.',
        'Las ciudades socias procedían de 3 regiones: África; Europa y América del Norte; América Latina y el Caribe.',
        'El trabajo abordó 2 ODS: 4 y 11.',
      ],
      fr: [
        'Sevilla a mené 2 projets avec 3 villes partenaires.',
        'Sevilla n’a participé à aucun projet mené par une autre ville.',
        'Sevilla a partagé 1 pratique avec le réseau.',
        'Sevilla a soutenu 1 pratique d’une autre ville.',
        'Les pratiques de Sevilla ont reçu 1 soutien de 1 ville.',
        'Sevilla a été sollicitée pour 2 échanges, dont 1 mené à terme, notés 3 sur 5 en moyenne.',
        'Sevilla a demandé 1 échange, dont 1 mené à terme, notés 5 sur 5 en moyenne.',
        'Sevilla a travaillé avec 3 villes de 3 régions.',
        'Les villes partenaires venaient de 3 régions : Afrique ; Europe et Amérique du Nord ; Amérique latine et Caraïbes.',
        'Le travail a abordé 2 ODD : 4 et 11.',
      ],
    }[lang];
    const at = expect.stringMatching(new RegExp(`^${today}T`));
    const REGION_LABELS = {
      en: ['Africa', 'Europe and North America', 'Latin America and the Caribbean'],
      es: ['África', 'Europa y América del Norte', 'América Latina y el Caribe'],
      fr: ['Afrique', 'Europe et Amérique du Nord', 'Amérique latine et Caraïbes'],
    }[lang];
    return {
      city: { id: sevilla.cityId, name: 'Sevilla', country: 'ES', region: 'europe-north-america', field: 'music' },
      period: { from: '2020-01-01', to: today },
      lang,
      projectsLed: {
        summary: SUMMARIES[0],
        items: [
          {
            id: projects.p1,
            title: 'Rhythms across the sea',
            status: 'active',
            proposedAt: at,
            partners: [ref(dakar, 'Dakar', 'africa'), ref(salvador, 'Salvador', 'latin-america-caribbean')],
            sdgs: [11, 4],
          },
          {
            id: projects.p2,
            title: 'Old town sounds <live>',
            status: 'completed',
            proposedAt: at,
            partners: [ref(bologna, 'Bologna', 'europe-north-america')],
            sdgs: [11],
          },
        ],
      },
      projectsJoined: { summary: SUMMARIES[1], items: [] },
      practicesShared: {
        summary: SUMMARIES[2],
        items: [{ id: practices.flamenco, title: 'Flamenco schools', field: 'music', sdgs: [4], sharedAt: at, endorsementCount: 1 }],
      },
      endorsementsGiven: {
        summary: SUMMARIES[3],
        items: [
          { practiceId: practices.carnival, practiceTitle: '=Carnival schools', city: ref(salvador, 'Salvador', 'latin-america-caribbean'), at },
        ],
      },
      endorsementsReceived: {
        summary: SUMMARIES[4],
        items: [{ practiceId: practices.flamenco, practiceTitle: 'Flamenco schools', city: ref(dakar, 'Dakar', 'africa'), at }],
      },
      exchangesHosted: {
        summary: SUMMARIES[5],
        averageRating: 3,
        items: [
          {
            id: exchanges.x2,
            practiceId: practices.flamenco,
            practiceTitle: 'Flamenco schools',
            city: ref(dakar, 'Dakar', 'africa'),
            format: 'mentoring',
            status: 'completed',
            requestedAt: at,
            rating: 3,
          },
          {
            id: exchanges.x3,
            practiceId: practices.flamenco,
            practiceTitle: 'Flamenco schools',
            city: ref(bologna, 'Bologna', 'europe-north-america'),
            format: 'online',
            status: 'declined',
            requestedAt: at,
            rating: null,
          },
        ],
      },
      exchangesRequested: {
        summary: SUMMARIES[6],
        averageRating: 5,
        items: [
          {
            id: exchanges.x1,
            practiceId: practices.carnival,
            practiceTitle: '=Carnival schools',
            city: ref(salvador, 'Salvador', 'latin-america-caribbean'),
            format: 'study-visit',
            status: 'completed',
            requestedAt: at,
            rating: 5,
          },
        ],
      },
      partnerCities: {
        summary: SUMMARIES[7],
        items: [
          { ...ref(dakar, 'Dakar', 'africa'), country: 'SN', projects: 1, exchanges: 1 },
          { ...ref(salvador, 'Salvador', 'latin-america-caribbean'), country: 'BR', projects: 1, exchanges: 1 },
          { ...ref(bologna, 'Bologna', 'europe-north-america'), country: 'IT', projects: 1, exchanges: 0 },
        ],
      },
      regionsReached: {
        summary: SUMMARIES[8],
        items: [
          { region: 'africa', label: REGION_LABELS[0], cities: 1 },
          { region: 'europe-north-america', label: REGION_LABELS[1], cities: 1 },
          { region: 'latin-america-caribbean', label: REGION_LABELS[2], cities: 1 },
        ],
      },
      sdgs: {
        summary: SUMMARIES[9],
        items: [
          { sdg: 4, label: { en: 'Quality Education', es: 'Educación de calidad', fr: 'Éducation de qualité' }[lang], projects: 1, practices: 1 },
          {
            sdg: 11,
            label: { en: 'Sustainable Cities and Communities', es: 'Ciudades y comunidades sostenibles', fr: 'Villes et communautés durables' }[lang],
            projects: 2,
            practices: 0,
          },
        ],
      },
    };
  }

  it('reports a city’s activity over a period, section by section, in English, Spanish and French', async () => {
    const path = `/cities/${net.sevilla.cityId}/report?from=2020-01-01&to=${today}`;
    expect((await get(path, net.sevilla.api)).body).toEqual(expectedReport('en'));
    const es = await get(`${path}&lang=es`, net.sevilla.api);
    expect(es.body).toEqual(expectedReport('es'));
    expect(es.headers.get('content-language')).toBe('es');
    // Without `lang`, the Accept-Language header decides.
    const fr = await net.sevilla.api.get(path, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(fr.body).toEqual(expectedReport('fr'));
    // Admins read any city's report.
    expect((await get(path, net.admin)).body).toEqual(expectedReport('en'));
  });

  it('leaves out what happened outside the period, and says so', async () => {
    const res = await get(`/cities/${net.sevilla.cityId}/report?from=2020-01-01&to=2020-12-31`, net.sevilla.api);
    expect(res.body.period).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    for (const section of [
      'projectsLed',
      'projectsJoined',
      'practicesShared',
      'endorsementsGiven',
      'endorsementsReceived',
      'exchangesHosted',
      'exchangesRequested',
      'partnerCities',
      'regionsReached',
      'sdgs',
    ]) {
      expect({ section, items: res.body[section].items }).toEqual({ section, items: [] });
    }
    expect(res.body.projectsLed.summary).toBe('Sevilla led no project in this period.');
    expect(res.body.exchangesHosted).toEqual({ summary: 'Sevilla hosted no exchange.', averageRating: null, items: [] });
    // The default period is the four years up to today.
    const byDefault = await get(`/cities/${net.sevilla.cityId}/report`, net.sevilla.api);
    expect(byDefault.body.period.to).toBe(today);
    expect(byDefault.body.projectsLed.items).toHaveLength(2);
  });

  it('gives the report as CSV (a summary row per section, then its lines) and as a printable page', async () => {
    const path = `/cities/${net.sevilla.cityId}/report?from=2020-01-01&to=${today}`;
    const csv = await get(`${path}&format=csv&lang=es`, net.sevilla.api);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    const report = expectedReport('es');
    const sections = [
      'projectsLed',
      'projectsJoined',
      'practicesShared',
      'endorsementsGiven',
      'endorsementsReceived',
      'exchangesHosted',
      'exchangesRequested',
      'partnerCities',
      'regionsReached',
      'sdgs',
    ] as const;
    for (const section of sections) {
      const lines = rows.filter((r) => r.section === section);
      expect({
        section,
        summary: lines.filter((r) => r.kind === 'summary').map((r) => r.title),
        items: lines.filter((r) => r.kind === 'item').length,
      }).toEqual({
        section,
        summary: [report[section].summary],
        items: report[section].items.length,
      });
    }
    const hosted = rows.filter((r) => r.section === 'exchangesHosted' && r.kind === 'item');
    expect(hosted.map((r) => [r.id, r.cityName, r.status, r.rating])).toEqual([
      [net.exchanges.x2, 'Dakar', 'completed', '3'],
      [net.exchanges.x3, 'Bologna', 'declined', ''],
    ]);
    // A title starting with = is no formula in a spreadsheet.
    expect(rows.find((r) => r.section === 'exchangesRequested' && r.kind === 'item')!.title).toBe("'=Carnival schools");

    const html = await get(`${path}&format=html&lang=fr`, net.sevilla.api);
    expect(html.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(html.body).toMatch(/^<!doctype html>\s*<html lang="fr">/);
    expect(html.body).toContain('@media print');
    expect(html.body).toContain('Old town sounds &lt;live&gt;');
    expect(html.body).not.toContain('<live>');
    for (const summary of Object.values(expectedReport('fr')).flatMap((s) => (typeof s === 'object' && s && 'summary' in s ? [s.summary] : []))) {
      expect(html.body).toContain(summary.replace(/'/g, '&#39;'));
    }
  });

  it('gives a report only to the city’s users and admins, and refuses a bad period', async () => {
    const path = `/cities/${net.sevilla.cityId}/report`;
    expectProblem(await running.api.get(path), 401);
    expectProblem(await net.amman.api.get(path), 403);
    expectProblem(await net.admin.get('/cities/no-such-city/report'), 404);
    expectProblem(await net.sevilla.api.get(`${path}?from=2026-02-01&to=2026-01-01`), 400);
    expectProblem(await net.sevilla.api.get(`${path}?from=2025-02-30`), 400);
    expectProblem(await net.sevilla.api.get(`${path}?from=yesterday`), 400);
    expectProblem(await net.sevilla.api.get(`${path}?format=pdf`), 400);
    expectProblem(await net.sevilla.api.get(`${path}?lang=de`), 400);
  });

  it('keeps a hidden practice out of the practices shared, and its endorsement out of the endorser’s report only', async () => {
    const amman = (await get(`/cities/${net.amman.cityId}/report`, net.amman.api)).body;
    expect(amman.practicesShared).toEqual({ summary: 'Amman shared no practice in this period.', items: [] });
    expect(amman.endorsementsReceived.items.map((e: { practiceTitle: string; city: { name: string } }) => [e.practiceTitle, e.city.name])).toEqual([
      ['Hidden craft fair', 'Sevilla'],
    ]);
    expect(amman.projectsLed.items.map((p: { status: string; partners: unknown[] }) => [p.status, p.partners])).toEqual([['cancelled', []]]);
    expect(amman.exchangesRequested.items.map((x: { status: string; city: { name: string } }) => [x.status, x.city.name])).toEqual([
      ['requested', 'Dakar'],
    ]);
  });

  /** Reads a CSV export back into the JSON export's values (see src/insight/domain/csv-cells.ts). */
  const NUMBERS = new Set(['designationYear', 'lat', 'lng', 'endorsementCount']);
  const NUMBER_LISTS = new Set(['sdgs']);
  const LISTS = new Set(['languages', 'fields', 'actionAreas', 'sectors', 'tags', 'partnerCityIds']);
  function fromCsv(text: string): { header: string[]; rows: Record<string, unknown>[] } {
    const records: string[][] = parse(text, { bom: false });
    const [header, ...lines] = records;
    const rows = lines.map((line) =>
      Object.fromEntries(
        header.map((column, i) => {
          const raw = line[i];
          if (NUMBER_LISTS.has(column)) return [column, unlistCell(raw).map(Number)];
          if (LISTS.has(column)) return [column, unlistCell(raw)];
          if (raw === '') return [column, null];
          if (NUMBERS.has(column)) return [column, Number(raw)];
          return [column, untextCell(raw)];
        }),
      ),
    );
    return { header, rows };
  }

  it('exports cities, projects and published practices as CSV, JSON and NDJSON that read back alike', async () => {
    const counts = { cities: 5, projects: 4, practices: 3 };
    for (const dataset of ['cities', 'projects', 'practices'] as const) {
      const json = await get(`/exports/${dataset}.json`);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect(json.headers.get('content-disposition')).toBe(`attachment; filename="${dataset}.json"`);
      expect(json.body).toHaveLength(counts[dataset]);
      const ids = json.body.map((r: { id: string }) => r.id);
      expect(ids).toEqual([...ids].sort());

      const ndjson = await get(`/exports/${dataset}.ndjson`);
      expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      expect(
        (ndjson.body as string)
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toEqual(json.body);

      const csv = await get(`/exports/${dataset}.csv`);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.body as string).toMatch(/\r\n$/);
      const { header, rows } = fromCsv(csv.body);
      expect(header).toEqual(Object.keys(json.body[0]));
      expect(rows).toEqual(json.body);
    }

    const practices = (await get('/exports/practices.json')).body as Record<string, unknown>[];
    expect(practices.map((p) => p.id).sort()).toEqual([net.practices.carnival, net.practices.medialabs, net.practices.flamenco].sort());
    expect(practices.find((p) => p.id === net.practices.carnival)).toEqual({
      id: net.practices.carnival,
      title: '=Carnival schools',
      summary: 'Empty shops lent to young designers for a month every spring',
      field: 'music',
      actionArea: 'research',
      sdgs: [4, 11],
      tags: ['carnival', 'percussion'],
      language: 'en',
      authorCityId: net.salvador.cityId,
      authorCityName: 'Salvador',
      endorsementCount: 2,
      sharedAt: expect.stringMatching(new RegExp(`^${today}T`)),
      updatedAt: expect.stringMatching(new RegExp(`^${today}T`)),
    });
    // Formula-looking cells are defused in the CSV; quotes and commas quoted as RFC 4180 says.
    const csv = (await get('/exports/practices.csv')).body as string;
    expect(csv).toContain(`${net.practices.carnival},'=Carnival schools,`);
    expect(csv).toContain(`"'-Labs in every district, ""open"" late"`);
    expect(csv.split('\r\n')[0]).toBe(
      'id,title,summary,field,actionArea,sdgs,tags,language,authorCityId,authorCityName,endorsementCount,sharedAt,updatedAt',
    );
    const cities = (await get('/exports/cities.csv')).body as string;
    expect(cities.split('\r\n')[0]).toBe('id,name,slug,country,region,field,designationYear,languages,lat,lng,website,description,registeredAt');
    expect(cities).toContain(',14.69,-17.44,'); // numbers stay numbers
    const projects = (await get('/exports/projects.json')).body as Record<string, unknown>[];
    expect(projects.find((p) => p.id === net.projects.p1)).toMatchObject({
      status: 'active',
      leadCityName: 'Sevilla',
      partnerCityIds: [net.dakar.cityId, net.salvador.cityId],
    });
    expect(projects.find((p) => p.id === net.projects.p4)).toMatchObject({ status: 'proposed', partnerCityIds: [] });
  });

  it('gives the same answers after every insight read model is rebuilt from the log', async () => {
    const paths = [
      '/stats',
      '/network/graph',
      '/network/graph?field=music',
      '/exports/cities.json',
      '/exports/projects.csv',
      '/exports/practices.ndjson',
    ];
    const reportPath = `/cities/${net.sevilla.cityId}/report?from=2020-01-01&to=${today}`;
    const before = await Promise.all(paths.map(async (p) => (await get(p)).body));
    const reportBefore = (await get(reportPath, net.sevilla.api)).body;

    // Emptied behind the consumers' back, the read models answer nothing until rebuilt from the log.
    const db = running.app.get<Connection>(getConnectionToken()).db!;
    for (const name of ['insight_cities', 'insight_projects', 'insight_practices', 'insight_endorsements', 'insight_exchanges'])
      await db.collection(name).deleteMany({});
    expect((await get('/stats')).body.cities.total).toBe(0);
    expect((await get('/exports/practices.json')).body).toEqual([]);

    const rebuilt = await rebuildInsight(running);
    expect(rebuilt.sort()).toEqual(['insight.cities', 'insight.endorsements', 'insight.exchanges', 'insight.practices', 'insight.projects']);
    await insightCaughtUp(running);

    expect(await Promise.all(paths.map(async (p) => (await get(p)).body))).toEqual(before);
    expect((await get(reportPath, net.sevilla.api)).body).toEqual(reportBefore);
    expect(before[0]).toEqual(expectedStats());
    expect(reportBefore).toEqual(expectedReport('en'));
  });
});
