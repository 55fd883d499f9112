import { SEED_CITIES } from '../../shared/seed-cities';
import { SUGGESTION_WEIGHTS as W, suggestPartners, type CandidateCity, type SuggestionContext, type SuggestionProject } from './partner-suggestions';
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
