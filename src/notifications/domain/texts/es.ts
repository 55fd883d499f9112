import type { Phrases } from './en';

/** The words of every notification in Spanish (see en.ts). */
export const es: Phrases = {
  quote: (title) => `«${title}»`,
  writes: (city, message) => `${city} escribe: «${message}»`,
  reason: (reason) => `Motivo: ${reason}`,
  aPartnerCity: 'Una ciudad socia',
  secretariat: 'La secretaría',
  invited: (lead, p) => [
    `${lead} os invita a ${p}`,
    `${lead} invita a vuestra ciudad a sumarse a ${p} como ciudad socia. Aceptad o declinad la invitación en la página del proyecto.`,
  ],
  accepted: (city, p) => [`${city} aceptó vuestra invitación a ${p}`, `${city} es ahora socia de ${p}.`],
  joined: (city, lead, p) => [`${city} se sumó a ${p}`, `${city} aceptó la invitación de ${lead} y es ahora socia de ${p}.`],
  invitationDeclined: (city, p) => [`${city} declinó vuestra invitación a ${p}`, `${city} no participará en ${p}. Podéis invitar a otra ciudad.`],
  joinRequested: (city, p) => [`${city} pidió sumarse a ${p}`, `Aprobad o rechazad la solicitud de ${city} en la página del proyecto.`],
  joinApproved: (lead, p, you) => [`${lead} aprobó vuestra solicitud para sumaros a ${p}`, `${you} es ahora socia de ${p}.`],
  joinRejected: (lead, p) => [`${lead} rechazó vuestra solicitud para sumaros a ${p}`, `${lead} no aceptó la solicitud de participar en ${p}.`],
  withdrew: (city, p) => [`${city} se retiró de ${p}`, `${city} ya no es socia de ${p}.`],
  updatePosted: (author, milestone, p) => `${author} publicó ${milestone ? 'un hito' : 'una novedad'} en ${p}`,
  started: (lead, p) => [`${p} ha comenzado`, `${lead} inició ${p}: la colaboración está ahora activa.`],
  completed: (p, outcome) => [`${p} ha concluido`, `Resultado: ${outcome}`],
  cancelled: (lead, p, reason) => [`${p} se canceló`, `${lead} canceló ${p}: ${reason}`],
  changed: (p, type) => [`${p}: ${type}`, `Hubo un cambio en ${p}.`],
  shared: (author, p) => `${author} compartió una práctica: ${p}`,
  endorsed: (city, p, count) => [`${city} respaldó ${p}`, `${p} tiene ahora ${count} respaldo(s).`],
  commented: (by, p) => `${by} comentó ${p}`,
  practiceHidden: (p, reason) => [
    `La secretaría ocultó ${p}`,
    `Motivo: ${reason}. Editad la práctica y pedid a la secretaría que vuelva a publicarla.`,
  ],
  commentHidden: (p) => `Se ocultó vuestro comentario sobre ${p}`,
  formats: {
    online: 'un intercambio en línea',
    'study-visit': 'una visita de estudio',
    mentoring: 'una mentoría',
    'staff-exchange': 'un intercambio de personal',
    other: 'un intercambio',
  },
  exchangeRequested: (requester, format, p) => `${requester} solicita ${format} sobre ${p}`,
  exchangeAccepted: (host, format, p) => [`${host} aceptó vuestra solicitud de ${format} sobre ${p}`, `Acordad los detalles con ${host}.`],
  exchangeDeclined: (host, format, p) => [`${host} declinó vuestra solicitud de ${format} sobre ${p}`, `${host} no puede acogerlo esta vez.`],
  exchangeCancelled: (requester, format, p) => [`${requester} anuló ${format} sobre ${p}`, `${requester} ya no lo solicita.`],
  exchangeCompleted: (requester, format, p, rating, feedback) => [
    `${requester} completó ${format} sobre ${p}`,
    `Valoración ${rating}/5: «${feedback}»`,
  ],
};
