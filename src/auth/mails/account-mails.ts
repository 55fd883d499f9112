import type { Lang } from '../../shared/reference-data';
import { htmlMail } from './mail-html';

/** An account e-mail, rendered: SendMailCommand takes it with its key and address. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface InvitationMailInput {
  name: string;
  inviterName: string;
  /** The city the invitee will act for; null for an admin. */
  cityName: string | null;
  link: string;
  expiresAt: Date;
}

export interface PasswordResetMailInput {
  name: string;
  link: string;
}

const NETWORK = 'Creative Cities Exchange';

/** The recipient's time zone is unknown: UTC, and said so. */
const dateIn = (lang: Lang, date: Date) =>
  new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(date);

interface Texts {
  subject: string;
  greeting: string;
  body: string[];
  action: string;
  footer: string;
}

const INVITATION: Record<Lang, (i: InvitationMailInput, lang: Lang) => Texts> = {
  en: (i, lang) => ({
    subject: `You are invited to ${NETWORK}`,
    greeting: `Hello ${i.name},`,
    body: [
      i.cityName
        ? `${i.inviterName} invites you to join ${NETWORK} as a user of ${i.cityName}.`
        : `${i.inviterName} invites you to join ${NETWORK} as an administrator of the network.`,
      `Choose your password with the link below. It works once, until ${dateIn(lang, i.expiresAt)}.`,
    ],
    action: 'Accept the invitation',
    footer: 'If you did not expect this invitation, ignore this e-mail: no account is created without you.',
  }),
  es: (i, lang) => ({
    subject: `Le invitan a ${NETWORK}`,
    greeting: `Hola, ${i.name}:`,
    body: [
      i.cityName
        ? `${i.inviterName} le invita a unirse a ${NETWORK} como usuario de ${i.cityName}.`
        : `${i.inviterName} le invita a unirse a ${NETWORK} como administrador de la red.`,
      `Elija su contraseña con el enlace de abajo. Funciona una sola vez, hasta el ${dateIn(lang, i.expiresAt)}.`,
    ],
    action: 'Aceptar la invitación',
    footer: 'Si no esperaba esta invitación, ignore este correo: no se crea ninguna cuenta sin usted.',
  }),
  fr: (i, lang) => ({
    subject: `Vous êtes invité·e à ${NETWORK}`,
    greeting: `Bonjour ${i.name},`,
    body: [
      i.cityName
        ? `${i.inviterName} vous invite à rejoindre ${NETWORK} en tant qu’utilisateur·rice de ${i.cityName}.`
        : `${i.inviterName} vous invite à rejoindre ${NETWORK} en tant qu’administrateur·rice du réseau.`,
      `Choisissez votre mot de passe avec le lien ci-dessous. Il ne sert qu’une fois, jusqu’au ${dateIn(lang, i.expiresAt)}.`,
    ],
    action: 'Accepter l’invitation',
    footer: 'Si vous n’attendiez pas cette invitation, ignorez ce courriel : aucun compte n’est créé sans vous.',
  }),
};

const PASSWORD_RESET: Record<Lang, (i: PasswordResetMailInput) => Texts> = {
  en: (i) => ({
    subject: `Reset your ${NETWORK} password`,
    greeting: `Hello ${i.name},`,
    body: ['Someone asked to reset the password of your account. Choose a new one with the link below: it works once, for one hour.'],
    action: 'Choose a new password',
    footer: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  }),
  es: (i) => ({
    subject: `Restablezca su contraseña de ${NETWORK}`,
    greeting: `Hola, ${i.name}:`,
    body: ['Alguien pidió restablecer la contraseña de su cuenta. Elija una nueva con el enlace de abajo: funciona una sola vez, durante una hora.'],
    action: 'Elegir una nueva contraseña',
    footer: 'Si no lo pidió usted, ignore este correo: su contraseña no cambia.',
  }),
  fr: (i) => ({
    subject: `Réinitialisez votre mot de passe ${NETWORK}`,
    greeting: `Bonjour ${i.name},`,
    body: [
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte. Choisissez-en un nouveau avec le lien ci-dessous : il ne sert qu’une fois, pendant une heure.',
    ],
    action: 'Choisir un nouveau mot de passe',
    footer: 'Si vous n’avez rien demandé, ignorez ce courriel : votre mot de passe reste le même.',
  }),
};

function render(lang: Lang, t: Texts, link: string): RenderedMail {
  const text = [t.greeting, '', ...t.body.flatMap((p) => [p, '']), `${t.action}: ${link}`, '', t.footer, '', `— ${NETWORK}`, ''].join('\n');
  return { subject: t.subject, text, html: htmlMail(lang, t.subject, [t.greeting, ...t.body], { label: t.action, url: link }, t.footer) };
}

export function invitationMail(lang: Lang, input: InvitationMailInput): RenderedMail {
  return render(lang, INVITATION[lang](input, lang), input.link);
}

export function passwordResetMail(lang: Lang, input: PasswordResetMailInput): RenderedMail {
  return render(lang, PASSWORD_RESET[lang](input), input.link);
}
