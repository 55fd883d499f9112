import type { ProjectEventMap } from '../../projects/contracts';
import { namedCities, renderNotification } from './notification-text';
import { projectEvent } from './testing/project-event';

const names: Record<string, string> = { sevilla: 'Sevilla', liria: 'Llíria', valencia: 'Valencia' };
const nameOf = (id: string) => names[id] ?? 'A partner city';
const render = <K extends keyof ProjectEventMap>(type: K, data: Parameters<typeof projectEvent<K>>[1], recipient: string) =>
  renderNotification(projectEvent(type, data), recipient, nameOf);

describe('notification texts', () => {
  it('names the inviting city and the project', () => {
    const n = render('PartnerInvited', { cityId: 'liria', message: null }, 'liria');
    expect(n.title).toBe('Sevilla invited you to “Music for all”');
    expect(n.link).toEqual({ kind: 'project', id: 'p1' });
    expect(render('PartnerInvited', { cityId: 'liria', message: 'Join us!' }, 'liria').body).toBe('Sevilla writes: “Join us!”');
  });

  it('tells the lead and the other partners differently of an acceptance', () => {
    expect(render('InvitationAccepted', { cityId: 'valencia' }, 'sevilla').title).toBe('Valencia accepted your invitation to “Music for all”');
    expect(render('InvitationAccepted', { cityId: 'valencia' }, 'liria').title).toBe('Valencia joined “Music for all”');
  });

  it('words every project type in plain English', () => {
    expect(render('JoinRequested', { cityId: 'valencia', message: null }, 'sevilla').title).toBe('Valencia asked to join “Music for all”');
    expect(render('JoinRequestApproved', { cityId: 'valencia' }, 'valencia').title).toBe('Sevilla approved your request to join “Music for all”');
    expect(render('JoinRequestRejected', { cityId: 'valencia' }, 'valencia').title).toBe('Sevilla declined your request to join “Music for all”');
    expect(render('InvitationDeclined', { cityId: 'valencia' }, 'sevilla').title).toBe('Valencia declined your invitation to “Music for all”');
    expect(render('PartnerWithdrew', { cityId: 'valencia' }, 'sevilla').title).toBe('Valencia withdrew from “Music for all”');
    expect(render('ProjectUpdatePosted', { updateId: 'u1', authorCityId: 'sevilla', kind: 'milestone', text: 'Done' }, 'liria')).toMatchObject({
      title: 'Sevilla posted a milestone on “Music for all”',
      body: 'Done',
    });
    expect(render('ProjectStarted', {}, 'liria').title).toBe('“Music for all” has started');
    expect(render('ProjectCompleted', { outcome: 'Great' }, 'liria').body).toBe('Outcome: Great');
    expect(render('ProjectCancelled', { reason: 'No funds', previousStatus: 'active' }, 'liria').body).toBe(
      'Sevilla cancelled “Music for all”: No funds',
    );
  });

  it('clips long bodies', () => {
    const body = render('ProjectUpdatePosted', { updateId: 'u1', authorCityId: 'sevilla', kind: 'news', text: 'x'.repeat(1000) }, 'liria').body;
    expect(body.length).toBe(280);
    expect(body.endsWith('…')).toBe(true);
  });

  it('lists the cities whose names it needs', () => {
    const update = projectEvent('ProjectUpdatePosted', { updateId: 'u1', authorCityId: 'liria', kind: 'news', text: 'Hi' }, 'liria');
    expect(namedCities(update)).toEqual(['sevilla', 'liria']);
    expect(namedCities(projectEvent('PartnerInvited', { cityId: 'valencia', message: null }))).toEqual(['sevilla', 'valencia']);
    expect(namedCities(projectEvent('ProjectStarted', {}))).toEqual(['sevilla']);
  });
});

describe('notification texts in Spanish and French', () => {
  const inLang = (lang: 'es' | 'fr') => renderNotification(projectEvent('PartnerInvited', { cityId: 'liria', message: null }), 'liria', nameOf, lang);

  it('words a notification in the reader’s language, with its quotation marks', () => {
    expect(inLang('es').title).toBe('Sevilla os invita a «Music for all»');
    expect(inLang('fr').title).toBe('Sevilla vous invite à « Music for all »');
    expect(inLang('fr').body).toContain('page du projet');
  });

  it('words every project type in each language', () => {
    for (const lang of ['es', 'fr'] as const) {
      const titles = [
        renderNotification(projectEvent('JoinRequested', { cityId: 'valencia', message: null }), 'sevilla', nameOf, lang).title,
        renderNotification(projectEvent('ProjectCancelled', { reason: 'x', previousStatus: 'active' }), 'liria', nameOf, lang).title,
        renderNotification(
          projectEvent('ProjectUpdatePosted', { updateId: 'u', authorCityId: 'liria', kind: 'milestone', text: 't' }),
          'sevilla',
          nameOf,
          lang,
        ).title,
      ];
      for (const title of titles) {
        expect(title).not.toMatch(/undefined|asked|cancelled|posted/);
        expect(title).toContain('Music for all');
      }
    }
  });
});
