import type { Phrases } from './en';

/** The words of every notification in French (see en.ts). */
export const fr: Phrases = {
  quote: (title) => `« ${title} »`,
  writes: (city, message) => `${city} écrit : « ${message} »`,
  reason: (reason) => `Motif : ${reason}`,
  aPartnerCity: 'Une ville partenaire',
  secretariat: 'Le secrétariat',
  invited: (lead, p) => [
    `${lead} vous invite à ${p}`,
    `${lead} invite votre ville à rejoindre ${p} comme ville partenaire. Acceptez ou déclinez l’invitation sur la page du projet.`,
  ],
  accepted: (city, p) => [`${city} a accepté votre invitation à ${p}`, `${city} est désormais partenaire de ${p}.`],
  joined: (city, lead, p) => [`${city} a rejoint ${p}`, `${city} a accepté l’invitation de ${lead} et est désormais partenaire de ${p}.`],
  invitationDeclined: (city, p) => [
    `${city} a décliné votre invitation à ${p}`,
    `${city} ne participera pas à ${p}. Vous pouvez inviter une autre ville.`,
  ],
  joinRequested: (city, p) => [`${city} demande à rejoindre ${p}`, `Approuvez ou refusez la demande de ${city} sur la page du projet.`],
  joinApproved: (lead, p, you) => [`${lead} a approuvé votre demande pour rejoindre ${p}`, `${you} est désormais partenaire de ${p}.`],
  joinRejected: (lead, p) => [`${lead} a refusé votre demande pour rejoindre ${p}`, `${lead} n’a pas accepté la demande de participer à ${p}.`],
  withdrew: (city, p) => [`${city} s’est retirée de ${p}`, `${city} n’est plus partenaire de ${p}.`],
  updatePosted: (author, milestone, p) => `${author} a publié ${milestone ? 'une étape' : 'une actualité'} sur ${p}`,
  started: (lead, p) => [`${p} a commencé`, `${lead} a lancé ${p} : le partenariat est désormais actif.`],
  completed: (p, outcome) => [`${p} est terminé`, `Résultat : ${outcome}`],
  cancelled: (lead, p, reason) => [`${p} a été annulé`, `${lead} a annulé ${p} : ${reason}`],
  changed: (p, type) => [`${p} : ${type}`, `Quelque chose a changé sur ${p}.`],
  shared: (author, p) => `${author} a partagé une pratique : ${p}`,
  endorsed: (city, p, count) => [`${city} a soutenu ${p}`, `${p} compte désormais ${count} soutien(s).`],
  commented: (by, p) => `${by} a commenté ${p}`,
  practiceHidden: (p, reason) => [
    `${p} a été masquée par le secrétariat`,
    `Motif : ${reason}. Modifiez la pratique et demandez au secrétariat de la republier.`,
  ],
  commentHidden: (p) => `Votre commentaire sur ${p} a été masqué`,
  formats: {
    online: 'un échange en ligne',
    'study-visit': 'une visite d’étude',
    mentoring: 'un mentorat',
    'staff-exchange': 'un échange de personnel',
    other: 'un échange',
  },
  exchangeRequested: (requester, format, p) => `${requester} demande ${format} sur ${p}`,
  exchangeAccepted: (host, format, p) => [`${host} a accepté votre demande (${format}) sur ${p}`, `Convenez des détails avec ${host}.`],
  exchangeDeclined: (host, format, p) => [`${host} a décliné votre demande (${format}) sur ${p}`, `${host} ne peut pas l’accueillir cette fois.`],
  exchangeCancelled: (requester, format, p) => [`${requester} a annulé ${format} sur ${p}`, `${requester} ne le demande plus.`],
  exchangeCompleted: (requester, format, p, rating, feedback) => [`${requester} a terminé ${format} sur ${p}`, `Note ${rating}/5 : « ${feedback} »`],
};
