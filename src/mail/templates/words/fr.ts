import type { MailWords } from './en';

/** The words of e-mails in French (see en.ts). */
export const fr: MailWords = {
  open: 'Ouvrir dans Creative Cities Exchange',
  reasonInstant: (city) =>
    `Vous recevez ce courriel parce que vous êtes point focal de ${city} sur Creative Cities Exchange et avez choisi d’être averti de chaque notification aussitôt.`,
  reasonDigest: (city, weekly) =>
    `Vous recevez ce récapitulatif ${weekly ? 'hebdomadaire' : 'quotidien'} parce que vous êtes point focal de ${city} sur Creative Cities Exchange.`,
  unsubscribe: 'Ne plus recevoir ces courriels',
  preferences: 'Changer la fréquence des avis',
  digestSubject: (count, weekly) => `Votre récapitulatif ${weekly ? 'hebdomadaire' : 'quotidien'} : ${count} notification${count === 1 ? '' : 's'}`,
  digestIntro: (count, weekly) =>
    `${count} notification${count === 1 ? ' est arrivée' : 's sont arrivées'} depuis votre précédent récapitulatif ${weekly ? 'hebdomadaire' : 'quotidien'}.`,
  unsubscribePage: {
    title: 'Ne plus recevoir de courriels de Creative Cities Exchange',
    ask: 'Ne plus envoyer de courriels de notifications à cette adresse ? Votre boîte dans la plateforme garde toutes les notifications.',
    button: 'Ne plus recevoir de courriels',
    done: 'C’est fait : vous ne recevrez plus de courriels de notifications. Vous pouvez les réactiver dans vos préférences.',
    invalid: 'Ce lien n’est pas valide. Ouvrez vos préférences dans Creative Cities Exchange pour changer vos courriels.',
  },
};
