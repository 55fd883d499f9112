import { SEED_CITIES } from '../../shared/seed-cities';
import {
  SUGGESTION_WEIGHTS as W,
  suggestPartners,
  type CandidateCity,
  type LeadExchange,
  type SharedPractice,
  type SuggestionContext,
  type SuggestionProject,
} from './partner-suggestions';
import { Project } from './project';
import { lead, proposal, TestClock } from './testing/project-fixtures';

/** The seed cities as candidates, their id being the name without accents in lower case. */
const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
const seeds: CandidateCity[] = SEED_CITIES.map((c) => ({ ...c, id: slug(c.name) }));
const city = (name: string) => seeds.find((c) => c.name === name)!;

const sevilla = { name: 'Sevilla', region: 'europe-north-america', languages: ['es'] } as const;
const musicBySevilla = (overrides: Partial<SuggestionProject> = {}): SuggestionProject => ({
  leadCityId: 'sevilla',
  fields: ['music'],
  sdgs: [11, 4],
  partners: [],
  ...overrides,
});

const dakar: CandidateCity = { id: 'dakar', name: 'Dakar', country: 'SN', region: 'africa', field: 'media-arts', languages: ['fr', 'wo'] };
const salvador: CandidateCity = {
  id: 'salvador',
  name: 'Salvador',
  country: 'BR',
  region: 'latin-america-caribbean',
  field: 'music',
  languages: ['pt'],
};

describe('suggestPartners', () => {
  it('ranks Llíria in the top three for a music project led by Sevilla, among the seed cities', () => {
    const top3 = suggestPartners(musicBySevilla(), seeds, { lead: sevilla }, 3);
    expect(top3.map((s) => s.city.name)).toContain('Llíria');
    expect(top3[0]).toEqual({
      city: city('Llíria'),
      score: W.sameField + W.commonLanguage,
      reasons: ['Same creative field: Music', 'Common language: Spanish'],
    });
  });

  it('works on a Project aggregate as it is', () => {
    const project = Project.propose(proposal({ leadCityId: 'sevilla' }), lead, new TestClock().now);
    expect(suggestPartners(project, seeds, { lead: sevilla }, 1)[0].city.name).toBe('Llíria');
  });

  it('never suggests the lead or a current partner, but again a city that declined, was rejected or withdrew', () => {
    const partners = [
      { cityId: 'lliria', status: 'accepted' },
      { cityId: 'valencia', status: 'invited' },
      { cityId: 'bilbao', status: 'requested' },
      { cityId: 'granada', status: 'declined' },
      { cityId: 'burgos', status: 'rejected' },
      { cityId: 'terrassa', status: 'withdrawn' },
    ] as const;
    const ids = suggestPartners(musicBySevilla({ partners }), seeds, { lead: sevilla }, 100).map((s) => s.city.id);
    expect(ids).not.toContain('sevilla');
    expect(ids).not.toContain('lliria');
    expect(ids).not.toContain('valencia');
    expect(ids).not.toContain('bilbao');
    expect(ids).toEqual(expect.arrayContaining(['granada', 'burgos', 'terrassa']));
  });

  it('scores and explains each factor, with its weight', () => {
    const context: SuggestionContext = {
      lead: sevilla,
      pastSdgs: { salvador: [4, 17, 11] },
      collaborationsWithLead: { salvador: 2 },
    };
    const [suggestion] = suggestPartners(musicBySevilla(), [salvador], context);
    expect(suggestion.reasons).toEqual([
      'Same creative field: Music',
      'Shared SDGs: 11, 4',
      'Worked with Sevilla before on 2 projects',
      'Brings a new region: Latin America and the Caribbean',
    ]);
    expect(suggestion.score).toBe(W.sameField + 2 * W.sharedSdg + 2 * W.pastCollaboration + W.newRegion);
  });

  it('says "1 project" and "languages" in the right number', () => {
    const context: SuggestionContext = { lead: { ...sevilla, languages: ['es', 'ca'] }, collaborationsWithLead: { lliria: 1 } };
    const [suggestion] = suggestPartners(musicBySevilla(), [city('Llíria')], context);
    expect(suggestion.reasons).toEqual([
      'Same creative field: Music',
      'Worked with Sevilla before on 1 project',
      'Common languages: Spanish, Catalan',
    ]);
  });

  it('caps shared SDGs and past collaborations, so the field stays the strongest factor', () => {
    const sdgs = [1, 2, 3, 4, 5, 6, 11];
    const context: SuggestionContext = { lead: sevilla, pastSdgs: { burgos: sdgs }, collaborationsWithLead: { burgos: 9 } };
    const [burgos] = suggestPartners(musicBySevilla({ sdgs }), [city('Burgos')], context);
    expect(burgos.score).toBe(W.maxSharedSdgs * W.sharedSdg + W.maxPastCollaborations * W.pastCollaboration + W.commonLanguage);
    expect(burgos.reasons).toContain('Shared SDGs: 1, 2, 3, 4, 5, 6, 11');
    expect(burgos.reasons).toContain('Worked with Sevilla before on 9 projects');
    for (const other of [W.maxSharedSdgs * W.sharedSdg, W.maxPastCollaborations * W.pastCollaboration, W.newRegion, W.commonLanguage]) {
      expect(W.sameField).toBeGreaterThan(other);
    }
  });

  it('counts a new region only when neither the lead nor a current partner is from it', () => {
    const partners = [{ cityId: 'dakar', status: 'accepted' }] as const;
    const withDakar = suggestPartners(musicBySevilla({ partners }), [dakar, salvador], { lead: sevilla });
    expect(withDakar.map((s) => s.city.id)).toEqual(['salvador']);

    const ouagadougou: CandidateCity = { ...dakar, id: 'ouaga', name: 'Ouagadougou', field: 'crafts-folk-art' };
    expect(suggestPartners(musicBySevilla(), [ouagadougou], { lead: sevilla })[0].reasons).toEqual(['Brings a new region: Africa']);
    expect(suggestPartners(musicBySevilla({ partners }), [ouagadougou, dakar], { lead: sevilla })).toEqual([]);
    expect(suggestPartners(musicBySevilla(), [ouagadougou], { lead: sevilla, partnerRegions: ['africa'] })).toEqual([]);
  });

  it('matches languages by their primary subtag, whatever the case', () => {
    const quebec: CandidateCity = {
      id: 'qc',
      name: 'Québec',
      country: 'CA',
      region: 'europe-north-america',
      field: 'literature',
      languages: ['FR-CA'],
    };
    const [suggestion] = suggestPartners(musicBySevilla(), [quebec], { lead: { ...sevilla, languages: ['fr'] } });
    expect(suggestion.reasons).toEqual(['Common language: French']);
  });

  it('leaves out cities without any reason', () => {
    const tokyo: CandidateCity = { id: 'tokyo', name: 'Tokyo', country: 'JP', region: 'asia-pacific', field: 'design', languages: ['ja'] };
    expect(
      suggestPartners(musicBySevilla({ leadCityId: 'kobe' }), [tokyo], { lead: { name: 'Kobe', region: 'asia-pacific', languages: ['ja'] } }),
    ).toHaveLength(1);
    expect(
      suggestPartners(musicBySevilla({ leadCityId: 'kobe' }), [tokyo], { lead: { name: 'Kobe', region: 'asia-pacific', languages: ['ko'] } }),
    ).toEqual([]);
  });

  it('orders best first, ties by name, and honours the limit', () => {
    const all = suggestPartners(musicBySevilla(), seeds, { lead: sevilla }, 100);
    expect(all.map((s) => s.city.name)).toEqual([
      'Llíria',
      'Barcelona',
      'Bilbao',
      'Burgos',
      'Dénia',
      'Granada',
      'Manises',
      'Terrassa',
      'Valencia',
      'Valladolid',
    ]);
    expect(all.map((s) => s.score)).toEqual([45, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(suggestPartners(musicBySevilla(), seeds, { lead: sevilla })).toHaveLength(10);
    expect(suggestPartners(musicBySevilla(), seeds, { lead: sevilla }, 2)).toHaveLength(2);
    expect(suggestPartners(musicBySevilla(), seeds, { lead: sevilla }, 0)).toEqual([]);
  });

  it('suggests a city listed twice only once', () => {
    expect(suggestPartners(musicBySevilla(), [salvador, salvador], { lead: sevilla })).toHaveLength(1);
  });
});

describe('suggestPartners: practices and exchanges', () => {
  const designWeeks: SharedPractice = {
    authorCityId: 'bilbao',
    title: 'Design weeks in the old town',
    field: 'design',
    tags: ['heritage', 'young designers'],
  };
  const heritageSounds = (overrides: Partial<SuggestionProject> = {}) =>
    musicBySevilla({ title: 'Heritage sounds', summary: 'Concerts in the squares of old towns', fields: ['music', 'design'], ...overrides });
  const reasonsOf = (project: SuggestionProject, candidate: CandidateCity, context: Partial<SuggestionContext>) =>
    suggestPartners(project, [candidate], { lead: sevilla, ...context })[0]?.reasons ?? [];

  it('names a practice the city shared in one of the project’s fields, by the field', () => {
    const [bilbao] = suggestPartners(musicBySevilla({ fields: ['design'] }), [city('Bilbao')], { lead: sevilla, practices: [designWeeks] });
    expect(bilbao.reasons).toEqual([
      'Same creative field: Design',
      'Shared a practice on design: “Design weeks in the old town”',
      'Common language: Spanish',
    ]);
    expect(bilbao.score).toBe(W.sameField + W.sharedPractice + W.commonLanguage);
  });

  it('names the tag when a tag of the practice is a word of the project’s title, summary or fields, whatever its field', () => {
    const byGranada: SharedPractice = { authorCityId: 'granada', title: 'Reading in the patios', field: 'literature', tags: ['poetry', 'Heritage'] };
    expect(reasonsOf(heritageSounds(), city('Granada'), { practices: [byGranada] })).toEqual([
      'Shared a practice on Heritage: “Reading in the patios”',
      'Common language: Spanish',
    ]);
    // A tag is preferred to the field: it says more of the topic.
    expect(reasonsOf(heritageSounds(), city('Bilbao'), { practices: [designWeeks] })).toContain(
      'Shared a practice on heritage: “Design weeks in the old town”',
    );
    // The summary's words count too, phrases as whole words, plural or singular, accents and case aside.
    const squares: SharedPractice = { authorCityId: 'granada', title: 'Squares for all', field: 'literature', tags: ['Old Town'] };
    expect(reasonsOf(heritageSounds({ title: 'Sounds' }), city('Granada'), { practices: [squares] })).toContain(
      'Shared a practice on Old Town: “Squares for all”',
    );
    const accented: SharedPractice = { authorCityId: 'granada', title: 'Músicas del patio', field: 'literature', tags: ['músicas'] };
    expect(reasonsOf(heritageSounds({ title: 'Musica de los patios' }), city('Granada'), { practices: [accented] })).toContain(
      'Shared a practice on músicas: “Músicas del patio”',
    );
  });

  it('matches a tag with a field’s name in any language', () => {
    const byManises: SharedPractice = { authorCityId: 'manises', title: 'Tapas on ceramics', field: 'crafts-folk-art', tags: ['gastronomía'] };
    const project = musicBySevilla({ title: 'Tables', summary: 'Shared tables', fields: ['gastronomy'] });
    expect(reasonsOf(project, city('Manises'), { practices: [byManises] })).toEqual([
      'Shared a practice on gastronomía: “Tapas on ceramics”',
      'Common language: Spanish',
    ]);
  });

  it('ignores practices off the topic, parts of words, common words and other cities’ practices', () => {
    const off = (tags: string[], authorCityId = 'granada'): SharedPractice => ({ authorCityId, title: 'Off topic', field: 'literature', tags });
    for (const practice of [off(['poetry']), off(['her']), off(['sound']), off(['and', 'the']), off(['de la']), off(['heritage'], 'bilbao')]) {
      const project = heritageSounds({ title: 'Heritage', summary: 'Heritage and soundscapes de la ciudad' });
      expect({ tags: practice.tags, reasons: reasonsOf(project, city('Granada'), { practices: [practice] }) }).toEqual({
        tags: practice.tags,
        reasons: ['Common language: Spanish'],
      });
    }
  });

  it('counts at most two practices and says how many more there are', () => {
    const practices = [1, 2, 3].map((n): SharedPractice => ({ ...designWeeks, title: `Design weeks ${n}`, tags: [] }));
    const [bilbao] = suggestPartners(musicBySevilla({ fields: ['design'] }), [city('Bilbao')], { lead: sevilla, practices });
    expect(bilbao.reasons).toContain('Shared a practice on design: “Design weeks 1” (and 2 more)');
    expect(bilbao.score).toBe(W.sameField + W.maxSharedPractices * W.sharedPractice + W.commonLanguage);
  });

  describe('exchanges with the lead', () => {
    const tie = (overrides: Partial<LeadExchange> = {}): LeadExchange => ({
      hostCityId: 'terrassa',
      requesterCityId: 'sevilla',
      status: 'completed',
      format: 'study-visit',
      practiceTitle: 'Cinema in the courtyards',
      ...overrides,
    });
    const terrassa = city('Terrassa');
    const tieReasons = (exchangesWithLead: LeadExchange[]) => reasonsOf(musicBySevilla(), terrassa, { exchangesWithLead }).slice(0, -1); // without the language

    it('says what the city hosted for the lead or asked of it, in plain words, by format', () => {
      expect(tieReasons([tie()])).toEqual(['Hosted a study visit for Sevilla on “Cinema in the courtyards”']);
      expect(tieReasons([tie({ status: 'accepted' })])).toEqual(['Agreed to host a study visit for Sevilla on “Cinema in the courtyards”']);
      expect(tieReasons([tie({ format: 'mentoring' })])).toEqual(['Mentored Sevilla on “Cinema in the courtyards”']);
      expect(tieReasons([tie({ format: 'online', status: 'accepted' })])).toEqual([
        'Agreed to host an online exchange for Sevilla on “Cinema in the courtyards”',
      ]);
      expect(tieReasons([tie({ format: 'staff-exchange' })])).toEqual(['Hosted a staff exchange for Sevilla on “Cinema in the courtyards”']);
      const asked = tie({ hostCityId: 'sevilla', requesterCityId: 'terrassa', practiceTitle: 'Flamenco schools' });
      expect(tieReasons([asked])).toEqual(['Asked Sevilla for a study visit on “Flamenco schools”']);
      expect(tieReasons([{ ...asked, status: 'accepted', format: 'mentoring' }])).toEqual(['Asked Sevilla for mentoring on “Flamenco schools”']);
      expect(tieReasons([{ ...asked, format: 'residency' }])).toEqual(['Asked Sevilla for an exchange on “Flamenco schools”']);
    });

    it('leaves out the title of a practice that is not public', () => {
      expect(tieReasons([tie({ practiceTitle: null })])).toEqual(['Hosted a study visit for Sevilla']);
    });

    it('scores each exchange up to two, one reason per side naming a completed one first', () => {
      const exchanges = [
        tie({ status: 'accepted', practiceTitle: 'Newest' }),
        tie({ practiceTitle: 'Done' }),
        tie({ practiceTitle: 'Older' }),
        tie({ hostCityId: 'sevilla', requesterCityId: 'terrassa', format: 'online', practiceTitle: 'Flamenco schools' }),
      ];
      const [suggestion] = suggestPartners(musicBySevilla(), [terrassa], { lead: sevilla, exchangesWithLead: exchanges });
      expect(suggestion.reasons).toEqual([
        'Hosted a study visit for Sevilla on “Done” (and 2 more)',
        'Asked Sevilla for an online exchange on “Flamenco schools”',
        'Common language: Spanish',
      ]);
      expect(suggestion.score).toBe(W.maxExchangesWithLead * W.exchangeWithLead + W.commonLanguage);
    });

    it('ignores exchanges the lead took no part in', () => {
      const between = tie({ hostCityId: 'terrassa', requesterCityId: 'lliria' });
      expect(tieReasons([between, tie({ hostCityId: 'sevilla', requesterCityId: 'sevilla' })])).toEqual([]);
    });
  });

  it('gives every factor in a fixed order, the new ones beside their kin, and keeps the field the strongest', () => {
    const context: SuggestionContext = {
      lead: sevilla,
      pastSdgs: { salvador: [11] },
      collaborationsWithLead: { salvador: 1 },
      practices: [{ authorCityId: 'salvador', title: 'Samba schools', field: 'music', tags: [] }],
      exchangesWithLead: [
        { hostCityId: 'salvador', requesterCityId: 'sevilla', status: 'completed', format: 'online', practiceTitle: 'Samba schools' },
      ],
    };
    const [suggestion] = suggestPartners(musicBySevilla(), [salvador], context);
    expect(suggestion.reasons).toEqual([
      'Same creative field: Music',
      'Shared a practice on music: “Samba schools”',
      'Shared SDGs: 11',
      'Worked with Sevilla before on 1 project',
      'Hosted an online exchange for Sevilla on “Samba schools”',
      'Brings a new region: Latin America and the Caribbean',
    ]);
    expect(suggestion.score).toBe(W.sameField + W.sharedPractice + W.sharedSdg + W.pastCollaboration + W.exchangeWithLead + W.newRegion);
    for (const cap of [W.maxSharedPractices * W.sharedPractice, W.maxExchangesWithLead * W.exchangeWithLead])
      expect(W.sameField).toBeGreaterThan(cap);
  });

  describe('under-connected regions', () => {
    const amman: CandidateCity = { id: 'amman', name: 'Amman', country: 'JO', region: 'arab-states', field: 'music', languages: ['ar'] };
    const links = (arab: number, latam: number) => [
      { region: 'africa' as const, projects: 5, exchanges: 0 },
      { region: 'arab-states' as const, projects: arab, exchanges: 0 },
      { region: 'asia-pacific' as const, projects: 3, exchanges: 1 },
      { region: 'latin-america-caribbean' as const, projects: 0, exchanges: latam },
    ];

    it('favours a city of a region few collaborations link with the lead’s, in the project’s field, and says so', () => {
      const [suggestion] = suggestPartners(musicBySevilla(), [amman], { lead: sevilla, regionLinks: links(0, 0) });
      expect(suggestion.reasons).toEqual([
        'Same creative field: Music',
        'Brings a new region: Arab States',
        'Few projects link Europe and North America with the Arab States in music yet',
      ]);
      expect(suggestion.score).toBe(W.sameField + W.newRegion + W.underConnectedRegion);
    });

    it('counts projects and completed exchanges alike, and stops favouring a region once enough link it', () => {
      const score = (arab: number) => suggestPartners(musicBySevilla(), [amman], { lead: sevilla, regionLinks: links(arab, 0) })[0].score;
      expect(score(W.underConnectedBelow - 1)).toBe(W.sameField + W.newRegion + W.underConnectedRegion);
      expect(score(W.underConnectedBelow)).toBe(W.sameField + W.newRegion);
      const viaExchanges = suggestPartners(musicBySevilla(), [salvador], { lead: sevilla, regionLinks: links(0, W.underConnectedBelow) })[0];
      expect(viaExchanges.reasons).not.toContain('Few projects link Europe and North America with Latin America and the Caribbean in music yet');
    });

    it('names every field of the project, and never favours the lead’s own region or without facts', () => {
      const both = suggestPartners(musicBySevilla({ fields: ['music', 'design'] }), [amman], { lead: sevilla, regionLinks: links(1, 0) })[0];
      expect(both.reasons).toContain('Few projects link Europe and North America with the Arab States in music or design yet');
      const bilbao = city('Bilbao');
      expect(suggestPartners(musicBySevilla(), [bilbao], { lead: sevilla, regionLinks: links(0, 0) })[0]?.reasons ?? []).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^Few projects/)]),
      );
      expect(suggestPartners(musicBySevilla(), [amman], { lead: sevilla })[0].reasons).toEqual([
        'Same creative field: Music',
        'Brings a new region: Arab States',
      ]);
    });
  });
});
