import type { MailWords } from './en';

/** The words of e-mails in Spanish (see en.ts). */
export const es: MailWords = {
  open: 'Abrir en Creative Cities Exchange',
  reasonInstant: (city) =>
    `Recibes este correo porque eres punto focal de ${city} en Creative Cities Exchange y elegiste recibir cada notificación al momento.`,
  reasonDigest: (city, weekly) =>
    `Recibes este resumen ${weekly ? 'semanal' : 'diario'} porque eres punto focal de ${city} en Creative Cities Exchange.`,
  unsubscribe: 'Dejar de recibir estos correos',
  preferences: 'Cambiar la frecuencia de los avisos',
  digestSubject: (count, weekly) => `Tu resumen ${weekly ? 'semanal' : 'diario'}: ${count} notificaci${count === 1 ? 'ón' : 'ones'}`,
  digestIntro: (count, weekly) =>
    `${count === 1 ? 'Llegó 1 notificación' : `Llegaron ${count} notificaciones`} desde tu anterior resumen ${weekly ? 'semanal' : 'diario'}.`,
  unsubscribePage: {
    title: 'Dejar de recibir correos de Creative Cities Exchange',
    ask: '¿Dejar de enviar correos de notificaciones a esta dirección? Tu bandeja en la plataforma conserva todas las notificaciones.',
    button: 'Dejar de recibir correos',
    done: 'Hecho: no recibirás más correos de notificaciones. Puedes volver a activarlos en tus preferencias.',
    invalid: 'Este enlace no es válido. Abre tus preferencias en Creative Cities Exchange para cambiar tus correos.',
  },
};
