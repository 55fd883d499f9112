/**
 * The words of every notification in English; es.ts and fr.ts say the same in Spanish and French
 * (the type-check keeps the three in step). `p` is a quoted project or practice title.
 */
export const en = {
  quote: (title: string) => `“${title}”`,
  writes: (city: string, message: string) => `${city} writes: “${message}”`,
  reason: (reason: string) => `Reason: ${reason}`,
  aPartnerCity: 'A partner city',
  secretariat: 'The secretariat',
  invited: (lead: string, p: string) => [
    `${lead} invited you to ${p}`,
    `${lead} invites you to join ${p} as a partner city. Accept or decline the invitation on the project page.`,
  ],
  accepted: (city: string, p: string) => [`${city} accepted your invitation to ${p}`, `${city} is now a partner of ${p}.`],
  joined: (city: string, lead: string, p: string) => [
    `${city} joined ${p}`,
    `${city} accepted the invitation of ${lead} and is now a partner of ${p}.`,
  ],
  invitationDeclined: (city: string, p: string) => [
    `${city} declined your invitation to ${p}`,
    `${city} will not take part in ${p}. You can invite another city.`,
  ],
  joinRequested: (city: string, p: string) => [`${city} asked to join ${p}`, `Approve or reject the request of ${city} on the project page.`],
  joinApproved: (lead: string, p: string, you: string) => [`${lead} approved your request to join ${p}`, `${you} is now a partner of ${p}.`],
  joinRejected: (lead: string, p: string) => [
    `${lead} declined your request to join ${p}`,
    `${lead} did not accept the request to take part in ${p}.`,
  ],
  withdrew: (city: string, p: string) => [`${city} withdrew from ${p}`, `${city} is no longer a partner of ${p}.`],
  updatePosted: (author: string, milestone: boolean, p: string) => `${author} posted ${milestone ? 'a milestone' : 'news'} on ${p}`,
  started: (lead: string, p: string) => [`${p} has started`, `${lead} started ${p}: the partnership is now active.`],
  completed: (p: string, outcome: string) => [`${p} is completed`, `Outcome: ${outcome}`],
  cancelled: (lead: string, p: string, reason: string) => [`${p} was cancelled`, `${lead} cancelled ${p}: ${reason}`],
  changed: (p: string, type: string) => [`${p}: ${type}`, `Something changed on ${p}.`],
  shared: (author: string, p: string) => `${author} shared a practice: ${p}`,
  endorsed: (city: string, p: string, count: number) => [`${city} endorsed ${p}`, `${p} now has ${count} endorsement(s).`],
  commented: (by: string, p: string) => `${by} commented on ${p}`,
  practiceHidden: (p: string, reason: string) => [
    `${p} was hidden by the secretariat`,
    `Reason: ${reason}. Edit the practice and ask the secretariat to publish it again.`,
  ],
  commentHidden: (p: string) => `Your comment on ${p} was hidden`,
  formats: {
    online: 'an online exchange',
    'study-visit': 'a study visit',
    mentoring: 'mentoring',
    'staff-exchange': 'a staff exchange',
    other: 'an exchange',
  },
  exchangeRequested: (requester: string, format: string, p: string) => `${requester} asks for ${format} on ${p}`,
  exchangeAccepted: (host: string, format: string, p: string) => [
    `${host} accepted your request for ${format} on ${p}`,
    `Arrange the details with ${host}.`,
  ],
  exchangeDeclined: (host: string, format: string, p: string) => [
    `${host} declined your request for ${format} on ${p}`,
    `${host} cannot host it this time.`,
  ],
  exchangeCancelled: (requester: string, format: string, p: string) => [
    `${requester} called off ${format} on ${p}`,
    `${requester} no longer asks for it.`,
  ],
  exchangeCompleted: (requester: string, format: string, p: string, rating: number, feedback: string) => [
    `${requester} completed ${format} on ${p}`,
    `Rating ${rating}/5: “${feedback}”`,
  ],
};

export type Phrases = typeof en;
