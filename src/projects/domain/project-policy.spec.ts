import { ForbiddenError } from '@app/domain';
import { ProjectRight } from './project-errors';
import { actorFrom, assertActsFor, assertLead, assertPartnerOrLead, isPrivileged, leadCityFor, type ProjectActor } from './project-policy';

const city = (cityId: string): ProjectActor => ({ cityId, role: 'city' });
const admin: ProjectActor = { cityId: null, role: 'admin' };
const system: ProjectActor = { cityId: null, role: 'system' };
const project = { leadCityId: 'sevilla', acceptedPartnerIds: ['lliria'] };

function forbiddenCode(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return (error as ForbiddenError).code;
  }
  throw new Error('expected a ForbiddenError');
}

describe('project policy', () => {
  it('takes the actor from a command context', () => {
    expect(actorFrom({ actor: { cityId: 'lliria' }, role: 'city' })).toEqual(city('lliria'));
  });

  it('treats admin and system as privileged, city users not', () => {
    expect([admin, system, city('x')].map(isPrivileged)).toEqual([true, true, false]);
  });

  describe('assertLead', () => {
    it('lets the lead city and admins through', () => {
      expect(() => assertLead(city('sevilla'), project, 'start')).not.toThrow();
      expect(() => assertLead(admin, project, 'start')).not.toThrow();
      expect(() => assertLead(system, project, 'start')).not.toThrow();
    });

    it('refuses a partner with a message naming the lead and the action', () => {
      expect(() => assertLead(city('lliria'), project, 'start the project')).toThrow(
        'Only the lead city (sevilla) may start the project; the request came from a user of city lliria',
      );
      expect(forbiddenCode(() => assertLead(city('lliria'), project, 'x'))).toBe(ProjectRight.LeadOnly);
      expect(forbiddenCode(() => assertLead({ cityId: null, role: 'city' }, project, 'x'))).toBe(ProjectRight.LeadOnly);
    });
  });

  describe('assertActsFor', () => {
    it('lets a user act for their own city, and an admin for any', () => {
      expect(() => assertActsFor(city('lliria'), 'lliria', 'accept')).not.toThrow();
      expect(() => assertActsFor(admin, 'lliria', 'accept')).not.toThrow();
    });

    it('refuses a user acting for another city', () => {
      expect(forbiddenCode(() => assertActsFor(city('sevilla'), 'lliria', 'accept'))).toBe(ProjectRight.NotYourCity);
    });
  });

  describe('assertPartnerOrLead', () => {
    it('returns the city the actor speaks for', () => {
      expect(assertPartnerOrLead(city('sevilla'), project, 'post')).toBe('sevilla');
      expect(assertPartnerOrLead(city('lliria'), project, 'post')).toBe('lliria');
      expect(assertPartnerOrLead(admin, project, 'post')).toBe('sevilla');
      expect(assertPartnerOrLead({ cityId: 'lliria', role: 'admin' }, project, 'post')).toBe('lliria');
      expect(assertPartnerOrLead({ cityId: 'burgos', role: 'admin' }, project, 'post')).toBe('sevilla');
    });

    it('refuses cities that are neither lead nor accepted partner', () => {
      expect(forbiddenCode(() => assertPartnerOrLead(city('burgos'), project, 'post'))).toBe(ProjectRight.MembersOnly);
      expect(forbiddenCode(() => assertPartnerOrLead({ cityId: null, role: 'city' }, project, 'post'))).toBe(ProjectRight.MembersOnly);
    });
  });

  describe('leadCityFor', () => {
    it('is the city user’s own city, named or not', () => {
      expect(leadCityFor(city('sevilla'))).toBe('sevilla');
      expect(leadCityFor(city('sevilla'), 'sevilla')).toBe('sevilla');
    });

    it('is the city an admin names, or the admin’s own', () => {
      expect(leadCityFor(admin, 'valencia')).toBe('valencia');
      expect(leadCityFor({ cityId: 'bilbao', role: 'admin' })).toBe('bilbao');
    });

    it('refuses a city user naming another city, and anyone without a city to lead', () => {
      expect(forbiddenCode(() => leadCityFor(city('sevilla'), 'valencia'))).toBe(ProjectRight.NotYourCity);
      expect(forbiddenCode(() => leadCityFor(admin))).toBe(ProjectRight.LeadCityRequired);
      expect(forbiddenCode(() => leadCityFor({ cityId: null, role: 'city' }, 'valencia'))).toBe(ProjectRight.LeadCityRequired);
    });
  });
});
