import { SEED_CITIES } from '../shared/seed-cities';
import { DEMO_CITIES, demoScenario, type DemoCity } from './demo-scenario';
import { formatDemoReport } from './demo-seeder';

/** The scenario must be playable by the domain's rules; the e2e spec plays it, this one says which rule a mistake breaks. */
describe('Demo scenario', () => {
  const scenario = demoScenario(new Date('2026-03-15T10:00:00Z'));
  const seedField = (city: DemoCity) => SEED_CITIES.find((c) => c.name === city)!.field;

  it('names seed cities only, each of them at least once', () => {
    expect([...DEMO_CITIES].sort()).toEqual(SEED_CITIES.map((c) => c.name).sort());
    const named = new Set<string>([
      ...scenario.projects.flatMap((p) => [p.lead, ...p.partners.map((x) => x.city), ...p.updates.map((u) => u.by)]),
      ...scenario.practices.flatMap((p) => [p.author, ...p.endorsedBy, ...p.comments.map((c) => c.by), ...p.exchanges.map((e) => e.requester)]),
    ]);
    expect([...named].sort()).toEqual([...DEMO_CITIES].sort());
  });

  it('has the promised shape: 4 projects in every state, 6 practices in Spanish and English, 9 endorsements, 5 comments, 3 exchanges', () => {
    expect(scenario.projects.map((p) => p.status).sort()).toEqual(['active', 'active', 'completed', 'proposed']);
    expect(scenario.projects.flatMap((p) => p.partners.map((x) => x.answer))).toContain('pending');
    expect(scenario.practices).toHaveLength(6);
    expect(new Set(scenario.practices.map((p) => p.language))).toEqual(new Set(['es', 'en']));
    expect(scenario.practices.flatMap((p) => p.endorsedBy)).toHaveLength(9);
    expect(scenario.practices.flatMap((p) => p.comments)).toHaveLength(5);
    expect(scenario.practices.flatMap((p) => p.exchanges.map((e) => e.status)).sort()).toEqual(['accepted', 'completed', 'requested']);
  });

  it('keeps titles unique per city (they are the idempotency key) and every date range in order', () => {
    const keys = [...scenario.projects.map((p) => `${p.lead}|${p.title}`), ...scenario.practices.map((p) => `${p.author}|${p.title}`)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of scenario.projects) expect(p.startDate <= p.endDate).toBe(true);
    for (const e of scenario.practices.flatMap((p) => p.exchanges)) expect(e.proposedDates.from <= e.proposedDates.to).toBe(true);
    const [proposed, completed] = [scenario.projects.find((p) => p.status === 'proposed')!, scenario.projects.find((p) => p.status === 'completed')!];
    expect(proposed.startDate > '2026-03-15').toBe(true);
    expect(completed.endDate < '2026-03-15').toBe(true);
  });

  it('follows the rights: projects include their lead’s field, updates come from the lead or an accepted partner, nobody endorses or asks its own practice', () => {
    for (const p of scenario.projects) {
      expect(p.fields).toContain(seedField(p.lead));
      expect(p.partners.map((x) => x.city)).not.toContain(p.lead);
      const posters = [p.lead, ...p.partners.filter((x) => x.answer === 'accepted').map((x) => x.city)];
      for (const u of p.updates) expect(posters).toContain(u.by);
    }
    for (const p of scenario.practices) {
      expect(p.endorsedBy).not.toContain(p.author);
      expect(new Set(p.endorsedBy).size).toBe(p.endorsedBy.length);
      expect(p.exchanges.map((e) => e.requester)).not.toContain(p.author);
    }
  });

  it('has real text, not placeholders', () => {
    const texts = [
      ...scenario.projects.flatMap((p) => [p.title, p.summary, p.description, ...p.partners.map((x) => x.message), ...p.updates.map((u) => u.text)]),
      ...scenario.practices.flatMap((p) => [
        p.title,
        p.summary,
        p.body,
        p.outcomes,
        ...p.comments.map((c) => c.text),
        ...p.exchanges.map((e) => e.message),
      ]),
    ];
    for (const text of texts) {
      expect(text.trim()).toBe(text);
      expect(text).not.toMatch(/lorem|ipsum|\bTODO\b|FIXME|xxx/);
      expect(text.length).toBeGreaterThan(20);
    }
  });

  it('summarizes a run in one line', () => {
    const none = { projects: 0, invitations: 0, updates: 0, practices: 0, endorsements: 0, comments: 0, exchanges: 0, alreadyThere: 0 };
    expect(formatDemoReport({ ...none, projects: 4, invitations: 6, updates: 6, practices: 6, endorsements: 9, comments: 5, exchanges: 3 })).toBe(
      'Demo: 4 projects, 6 practices, 9 endorsements, 5 comments, 3 exchanges added.',
    );
    expect(formatDemoReport({ ...none, alreadyThere: 10 })).toBe('Demo: already there (10 projects and practices).');
    expect(formatDemoReport({ ...none, practices: 1, endorsements: 1, alreadyThere: 9 })).toBe(
      'Demo: 0 projects, 1 practices, 1 endorsements, 0 comments, 0 exchanges added; 9 projects and practices were already there.',
    );
  });
});
