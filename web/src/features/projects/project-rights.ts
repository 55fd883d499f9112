import type { components } from '../../api/schema';

export type Project = components['schemas']['ProjectView'];
export type Partner = components['schemas']['PartnerView'];
export type PartnerStatus = Partner['status'];

/** Who is looking: the signed-in user's role and city (null for an admin without one). */
export interface Viewer {
  role: 'admin' | 'city';
  cityId: string | null;
}

/** What the viewer may do for their own city, or as the lead. */
export type ProjectAction = 'start' | 'complete' | 'cancel' | 'askToJoin' | 'accept' | 'decline' | 'withdraw';
/** What the viewer may do about one partner row (lead: answer requests; admin: act for the city). */
export type PartnerAction = 'approve' | 'reject' | 'accept' | 'decline' | 'withdraw';

export interface ViewerRights {
  /** The lead city's users, or an admin (who acts as the lead: SPEC §2). */
  actsAsLead: boolean;
  /** The viewer's city is the lead or an accepted partner. */
  isMember: boolean;
  project: ProjectAction[];
  partner: (partner: Partner) => PartnerAction[];
  canInvite: boolean;
  canPostUpdate: boolean;
}

const FINISHED: Project['status'][] = ['completed', 'cancelled'];
/** An open relation blocks a new invitation or request (the API's 409 otherwise). */
const OPEN: PartnerStatus[] = ['invited', 'requested', 'accepted'];

/**
 * The actions the API would allow this viewer now, mirroring src/projects/domain (project.ts and
 * project-policy.ts), so the page offers only buttons that can succeed. A finished project accepts
 * nothing. The API still decides: a 409 (someone acted meanwhile) reloads the project.
 */
export function viewerRights(project: Project, viewer: Viewer | null): ViewerRights {
  const none: ViewerRights = { actsAsLead: false, isMember: false, project: [], partner: () => [], canInvite: false, canPostUpdate: false };
  if (!viewer) return none;
  const admin = viewer.role === 'admin';
  const ownCity = viewer.cityId;
  const isLeadCity = ownCity !== null && ownCity === project.leadCityId;
  const own = ownCity ? project.partners.find((p) => p.cityId === ownCity) : undefined;
  const isMember = isLeadCity || own?.status === 'accepted';
  const actsAsLead = isLeadCity || admin;
  if (FINISHED.includes(project.status)) return { ...none, actsAsLead, isMember };

  const actions: ProjectAction[] = [];
  if (own?.status === 'invited') actions.push('accept', 'decline');
  if (own?.status === 'accepted') actions.push('withdraw');
  if (ownCity && !isLeadCity && !(own && OPEN.includes(own.status))) actions.push('askToJoin');
  if (actsAsLead) {
    if (project.status === 'proposed' && project.partners.some((p) => p.status === 'accepted')) actions.push('start');
    if (project.status === 'active') actions.push('complete');
    actions.push('cancel');
  }

  const partner = (p: Partner): PartnerAction[] => {
    const result: PartnerAction[] = [];
    if (actsAsLead && p.status === 'requested') result.push('approve', 'reject');
    // An admin may answer or withdraw for another city; a city user does that in its own panel.
    if (admin && p.cityId !== ownCity) {
      if (p.status === 'invited') result.push('accept', 'decline');
      if (p.status === 'accepted') result.push('withdraw');
    }
    return result;
  };

  return { actsAsLead, isMember, project: actions, partner, canInvite: actsAsLead, canPostUpdate: isMember || admin };
}

/** Actions that lose something or tell other cities: they ask for confirmation first. */
export const CONFIRMED: ReadonlySet<ProjectAction | PartnerAction> = new Set(['cancel', 'withdraw', 'decline', 'reject', 'complete']);
