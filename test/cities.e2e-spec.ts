import { ApiClient, type ApiResponse, TestServices, waitFor } from '@app/testing';
import { login, RunningApp, startApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const CSV = { 'content-type': 'text/csv' };
const HEADER = 'name,country,region,field,designationYear,lat,lng';

/** The fields named by a 400's `errors`, sorted. */
function fieldsOf(res: ApiResponse): string[] {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(PROBLEM);
  return [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))].sort();
}

describe('Cities (HTTP)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  const ids: Record<string, string> = {};
  const users: Record<string, ApiClient> = {};

  const idOf = async (q: string): Promise<string> => {
    const res = await api.get(`/cities?q=${encodeURIComponent(q)}`);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0].id;
  };

  /** A user of the seed city found by `q`, created by the admin through POST /users. */
  async function cityUser(q: string): Promise<ApiClient> {
    const email = `${q}@cities.test`;
    const created = await admin.post('/users', { email, password: 'city-password-1', name: `User of ${q}`, role: 'city', cityId: ids[q] });
    expect(created.status).toBe(201);
    return api.as(await login(api, email, 'city-password-1'));
  }

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services); // SEED_ON_START=true: the 11 seed cities are loaded at start
    api = running.api;
    admin = api.as(await login(api, 'admin@test.local', 'admin-password-1'));
    for (const q of ['sevilla', 'bilbao', 'granada', 'lliria']) ids[q] = await idOf(q);
    for (const q of ['sevilla', 'bilbao', 'granada', 'lliria']) users[q] = await cityUser(q);
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  describe('seeds and reads (open to anonymous callers)', () => {
    it('serves the 11 seed cities, all in europe-north-america, sorted by name', async () => {
      const res = await api.get('/cities');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 11, page: 1, limit: 20 });
      expect(res.body.items.map((c: { name: string }) => c.name)).toEqual([
        'Barcelona',
        'Bilbao',
        'Burgos',
        'Dénia',
        'Granada',
        'Llíria',
        'Manises',
        'Sevilla',
        'Terrassa',
        'Valencia',
        'Valladolid',
      ]);
      expect(res.body.items.every((c: { region: string; country: string }) => c.region === 'europe-north-america' && c.country === 'ES')).toBe(true);
    });

    it('finds Llíria with q=lliria (accents and case ignored) and filters by field, region, country', async () => {
      for (const q of ['lliria', 'LLÍRIA', 'llír']) {
        const res = await api.get(`/cities?q=${encodeURIComponent(q)}`);
        expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['Llíria']);
      }
      const crafts = await api.get('/cities?field=crafts-folk-art');
      expect(crafts.body.items.map((c: { name: string }) => c.name)).toEqual(['Manises']);
      const film = await api.get('/cities?field=film&region=europe-north-america&country=es');
      expect(film.body).toMatchObject({ total: 2, items: [{ name: 'Terrassa' }, { name: 'Valladolid' }] });
      expect((await api.get('/cities?region=africa')).body).toMatchObject({ total: 0, items: [] });
    });

    it('pages with page and limit', async () => {
      const res = await api.get('/cities?page=3&limit=5');
      expect(res.body).toMatchObject({ total: 11, page: 3, limit: 5 });
      expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['Valladolid']);
    });

    it('serves one city with every field, and 404 problem+json for an unknown id', async () => {
      const res = await api.get(`/cities/${ids.lliria}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: ids.lliria,
        name: 'Llíria',
        slug: 'lliria-es',
        country: 'ES',
        region: 'europe-north-america',
        field: 'music',
        designationYear: 2019,
        location: { lat: 39.6255, lng: -0.5965 },
        languages: ['es', 'ca'],
        description: null,
        website: null,
        version: 1,
      });
      expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const missing = await api.get('/cities/no-such-city');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(PROBLEM);
    });

    it('refuses bad list queries with a field error each', async () => {
      expect(fieldsOf(await api.get('/cities?limit=0'))).toEqual(['limit']);
      expect(fieldsOf(await api.get('/cities?limit=101&page=0'))).toEqual(['limit', 'page']);
      expect(fieldsOf(await api.get('/cities?page=abc&field=painting&region=mars&country=XX'))).toEqual(['country', 'field', 'page', 'region']);
      expect(fieldsOf(await api.get('/cities?sort=name'))).toEqual(['sort']);
      expect((await api.get('/cities?q[$regex]=.*')).status).toBe(400);
    });
  });

  it('documents every route with its errors in the OpenAPI document', async () => {
    const doc: any = await (await fetch(`${running.origin}/docs-json`)).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cities',
        '/api/v1/cities/{id}',
        '/api/v1/cities/{id}/collaborations',
        '/api/v1/cities/import',
        '/api/v1/meta',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/cities'].post.responses).sort()).toEqual(['201', '400', '401', '403', '409']);
    expect(Object.keys(doc.paths['/api/v1/cities/{id}'].patch.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409']));
    expect(doc.paths['/api/v1/cities/import'].post.requestBody.content).toHaveProperty(['text/csv']);
    expect(doc.components.schemas.CityViewPage.properties).toHaveProperty('items');
  });

  describe('GET /meta', () => {
    it('serves the reference data in the language asked by ?lang=, else Accept-Language, else English', async () => {
      const es = await api.get('/meta?lang=es');
      expect(es.status).toBe(200);
      expect(es.headers.get('content-language')).toBe('es');
      expect(es.body.fields).toContainEqual({ id: 'crafts-folk-art', label: 'Artesanía y Arte Popular' });
      expect(Object.keys(es.body).sort()).toEqual(['actionAreas', 'countries', 'fields', 'lang', 'regions', 'sdgs', 'sectors']);
      const fr = await api.get('/meta', { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' });
      expect(fr.body.lang).toBe('fr');
      expect(fr.body.fields).toContainEqual({ id: 'media-arts', label: 'Arts numériques' });
      expect((await api.get('/meta?lang=en', { 'accept-language': 'es' })).body.lang).toBe('en');
      expect((await api.get('/meta')).body.regions).toContainEqual({ id: 'arab-states', label: 'Arab States' });
      expect(fieldsOf(await api.get('/meta?lang=de'))).toEqual(['lang']);
    });
  });

  describe('POST /cities', () => {
    const valid = { name: 'Bologna', country: 'IT', region: 'europe-north-america', field: 'music', designationYear: 2006 };

    it('is for admins: 401 anonymous, 403 for a city user', async () => {
      expect((await api.post('/cities', valid)).status).toBe(401);
      const forbidden = await users.sevilla.post('/cities', valid);
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get('content-type')).toMatch(PROBLEM);
    });

    it('registers a city (201, version 1) and refuses the same name and country with 409', async () => {
      const created = await admin.post('/cities', {
        ...valid,
        location: { lat: 44.4949, lng: 11.3426 },
        languages: ['it'],
        website: 'https://www.comune.bologna.it',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...valid, slug: 'bologna-it', languages: ['it'], version: 1, description: null });
      expect((await api.get(`/cities/${created.body.id}`)).body.name).toBe('Bologna');
      const again = await admin.post('/cities', { ...valid, name: 'BOLOGNA' });
      expect(again.status).toBe(409);
      expect(again.body.detail).toBe('A city with the name "BOLOGNA" and country IT already exists');
    });

    it('lets one of several racing requests for one city win; the others get 409', async () => {
      const input = { ...valid, name: 'Popayán', country: 'CO', region: 'latin-america-caribbean', field: 'gastronomy', designationYear: 2005 };
      const results = await Promise.all([0, 1, 2, 3, 4].map(() => admin.post('/cities', input)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      expect((await api.get('/cities?q=popayan')).body.total).toBe(1);
    });

    it('honours an Idempotency-Key: the same request again answers the first city and registers nothing more', async () => {
      const input = { ...valid, name: 'Brno', country: 'CZ' };
      const headers = { 'Idempotency-Key': 'register-brno' };
      const first = await admin.post('/cities', input, headers);
      const second = await admin.post('/cities', input, headers);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).toBe(first.body.id);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect((await api.get('/cities?country=CZ')).body.total).toBe(1);
    });

    it('names every invalid field', async () => {
      const res = await admin.post('/cities', {
        name: '  ',
        country: 'XX',
        region: 'mars',
        field: 'painting',
        designationYear: 2003,
        location: { lat: 100, lng: 0 },
        languages: ['zz'],
        description: 'x'.repeat(2001),
        website: 'ftp://example.org',
      });
      expect(fieldsOf(res)).toEqual(['country', 'description', 'designationYear', 'field', 'languages', 'location', 'name', 'region', 'website']);
      expect(res.body.errors).toContainEqual({
        field: 'country',
        message: 'country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one',
      });
      expect(fieldsOf(await admin.post('/cities', {}))).toEqual(['country', 'designationYear', 'field', 'name', 'region']);
      expect(fieldsOf(await admin.post('/cities', { ...valid, designationYear: new Date().getUTCFullYear() + 1 }))).toEqual(['designationYear']);
      expect(fieldsOf(await admin.post('/cities', { ...valid, designationYear: '2006' }))).toEqual(['designationYear']);
    });

    it('refuses unknown fields and $-keys', async () => {
      const unknown = await admin.post('/cities', { ...valid, name: 'Kraków', country: 'PL', isCapital: true });
      expect(unknown.body.errors).toEqual([{ field: 'isCapital', message: expect.stringContaining('should not exist') }]);
      expect(fieldsOf(await admin.post('/cities', { ...valid, name: { $gt: '' } }))).toEqual(['name.$gt']);
      expect((await api.get('/cities?q=krakow')).body.total).toBe(0);
    });
  });

  describe('PATCH /cities/:id', () => {
    it('lets a user of the city change its profile, and no one else but an admin (401, 403)', async () => {
      expect((await api.patch(`/cities/${ids.lliria}`, { description: 'x' })).status).toBe(401);
      expect((await users.sevilla.patch(`/cities/${ids.lliria}`, { description: 'x' })).status).toBe(403);

      const own = await users.lliria.patch(`/cities/${ids.lliria}`, {
        description: 'Ciutat de la Música',
        website: 'https://www.lliria.es',
        version: 1,
      });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ description: 'Ciutat de la Música', website: 'https://www.lliria.es', version: 2 });
      expect((await api.get(`/cities/${ids.lliria}`)).body).toMatchObject({ description: 'Ciutat de la Música', version: 2 });

      const byAdmin = await admin.patch(`/cities/${ids.lliria}`, { languages: ['ca', 'es'], location: null });
      expect(byAdmin.body).toMatchObject({ languages: ['ca', 'es'], location: null, version: 3 });
    });

    it('answers 409 to a stale version, 404 to an unknown city', async () => {
      const stale = await users.lliria.patch(`/cities/${ids.lliria}`, { description: 'lost update', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.detail).toMatch(/version 1/);
      expect((await api.get(`/cities/${ids.lliria}`)).body.description).toBe('Ciutat de la Música');
      expect((await admin.patch('/cities/no-such-city', { description: 'x' })).status).toBe(404);
    });

    it('names every invalid field, refuses registration fields, unknown fields and $-keys', async () => {
      const bad = await users.bilbao.patch(`/cities/${ids.bilbao}`, {
        location: { lat: 0 },
        languages: null,
        description: 42,
        website: 'not a url',
        version: 0,
      });
      expect(fieldsOf(bad)).toEqual(['description', 'languages', 'location', 'version', 'website']);
      expect(fieldsOf(await users.bilbao.patch(`/cities/${ids.bilbao}`, { name: 'Bilbo', field: 'music' }))).toEqual(['field', 'name']);
      expect(fieldsOf(await users.bilbao.patch(`/cities/${ids.bilbao}`, { description: { $set: 'x' } }))).toEqual(['description.$set']);
      expect(
        fieldsOf(
          await admin.post('/cities', {
            name: 'X',
            country: 'ES',
            region: 'europe-north-america',
            field: 'music',
            designationYear: 2010,
            location: 'here',
          }),
        ),
      ).toEqual(['location']);
      expect((await api.get(`/cities/${ids.bilbao}`)).body.version).toBe(1);
    });

    it('answers an empty PATCH with the city unchanged', async () => {
      const res = await users.bilbao.patch(`/cities/${ids.bilbao}`, {});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Bilbao', version: 1 });
    });
  });

  describe('POST /cities/import (text/csv)', () => {
    const file = (...rows: string[]) => [HEADER, ...rows].join('\n');
    const good = ['Dakar,SN,africa,media-arts,2014,14.69,-17.44', 'Santos,BR,latin-america-caribbean,film,2015,,'];
    const bad = ['Atlantis,XX,africa,music,2010,,', 'Lagos,NG,africa,dance,2010,,'];

    it('is for admins: 401 anonymous, 403 for a city user', async () => {
      expect((await api.post('/cities/import', file(...good), CSV)).status).toBe(401);
      expect((await users.sevilla.post('/cities/import', file(...good), CSV)).status).toBe(403);
    });

    it('imports nothing when a row is bad, naming each bad line', async () => {
      const res = await admin.post('/cities/import', file(good[0], bad[0], good[1], bad[1]), CSV);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'line 3', message: 'country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one' },
        { field: 'line 5', message: expect.stringMatching(/^field must be one of/) },
      ]);
      expect((await api.get('/cities?region=africa')).body.total).toBe(0);
    });

    it('imports the good rows with ?partial=true, and a second import changes nothing', async () => {
      const first = await admin.post('/cities/import?partial=true', file(good[0], bad[0], good[1], bad[1]), CSV);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        applied: true,
        partial: true,
        rows: 4,
        imported: 2,
        alreadyRegistered: 0,
        rejected: [{ line: 3 }, { line: 5 }],
      });
      expect((await api.get('/cities?q=dakar')).body.items[0]).toMatchObject({ country: 'SN', location: { lat: 14.69, lng: -17.44 } });

      const again = await admin.post('/cities/import', file(...good), { 'content-type': 'text/csv; charset=utf-8' });
      expect(again.body).toMatchObject({ applied: true, imported: 0, alreadyRegistered: 2, rejected: [] });
      expect((await api.get('/cities?q=santos')).body.total).toBe(1);
    });

    it('refuses a file without the columns, an empty body, a bad option and a JSON body', async () => {
      const header = await admin.post('/cities/import', 'name,country\nX,ES', CSV);
      expect(header.status).toBe(400);
      expect(header.body.errors[0]).toEqual({ field: 'line 1', message: 'missing column(s): region, field, designationYear' });
      expect((await admin.post('/cities/import', '', CSV)).status).toBe(400);
      expect(fieldsOf(await admin.post('/cities/import?partial=yes', file(...good), CSV))).toEqual(['partial']);
      const json = await admin.post('/cities/import', { csv: file(...good) });
      expect(json.status).toBe(415);
      expect(json.headers.get('content-type')).toMatch(PROBLEM);
    });
  });

  describe('GET /cities/:id/collaborations (read model fed by project events)', () => {
    let projectId: string;
    const names = async (city: string) => {
      const res = await api.get(`/cities/${ids[city]}/collaborations`);
      expect(res.status).toBe(200);
      return res.body.items.map(
        (c: { city: { name: string }; projects: { title: string }[] }) => `${c.city.name}: ${c.projects.map((p) => p.title).join(', ')}`,
      );
    };
    const eventually = (city: string, expected: string[]) =>
      waitFor(`collaborations of ${city}`, async () => JSON.stringify(await names(city)) === JSON.stringify(expected) || undefined);

    it('is empty before any project, and 404 for an unknown city', async () => {
      expect(await api.get(`/cities/${ids.sevilla}/collaborations`).then((r) => r.body)).toEqual({ items: [], total: 0, page: 1, limit: 20 });
      expect((await api.get('/cities/no-such-city/collaborations')).status).toBe(404);
    });

    it('shows the partners of accepted invitations and approved join requests, drops one that withdrew, follows a rename', async () => {
      const proposed = await users.sevilla.post('/projects', {
        title: 'Ritmos compartidos',
        summary: 'Joint concerts and residencies between music cities',
        fields: ['music'],
        actionAreas: ['professional-exchange'],
        sectors: ['public'],
        sdgs: [11],
      });
      expect(proposed.status).toBe(201);
      projectId = proposed.body.id;
      expect((await users.sevilla.post(`/projects/${projectId}/invitations`, { cityId: ids.bilbao })).status).toBe(201);
      expect((await users.bilbao.post(`/projects/${projectId}/invitations/${ids.bilbao}/accept`)).status).toBeLessThan(300);
      expect((await users.granada.post(`/projects/${projectId}/join-requests`, {})).status).toBe(201);
      expect((await users.sevilla.post(`/projects/${projectId}/join-requests/${ids.granada}/approve`)).status).toBeLessThan(300);

      await eventually('sevilla', ['Bilbao: Ritmos compartidos', 'Granada: Ritmos compartidos']);
      await eventually('bilbao', ['Granada: Ritmos compartidos', 'Sevilla: Ritmos compartidos']);
      const page = await api.get(`/cities/${ids.sevilla}/collaborations?limit=1&page=2`);
      expect(page.body).toMatchObject({
        total: 2,
        page: 2,
        limit: 1,
        items: [{ city: { id: ids.granada, name: 'Granada', country: 'ES', field: 'literature' } }],
      });

      expect((await users.granada.post(`/projects/${projectId}/withdraw`)).status).toBeLessThan(300);
      await eventually('sevilla', ['Bilbao: Ritmos compartidos']);
      await eventually('granada', []);
      expect(await names('lliria')).toEqual([]);

      const current = await api.get(`/projects/${projectId}`);
      const renamed = await users.sevilla.patch(`/projects/${projectId}`, { title: 'Ritmos del Mediterráneo', version: current.body.version });
      expect(renamed.status).toBe(200);
      await eventually('bilbao', ['Sevilla: Ritmos del Mediterráneo']);
    });
  });
});
