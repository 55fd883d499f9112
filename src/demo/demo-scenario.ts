import type { ActionArea, CreativeField, Sdg, Sector } from '../shared/reference-data';

/**
 * The demo scenario (`npm run seed -- --demo`, `SEED_DEMO=true`): a few joint projects, best
 * practices, endorsements, comments and exchanges between the 11 seed cities, so that a newcomer
 * finds a platform already in use. Data only; `DemoSeeder` plays it through the modules' commands,
 * acting as each city in turn.
 *
 * The content is illustrative (programmes, figures and quotes are made up for the demo), written
 * in the spirit of the network's objectives: creativity as a driver of sustainable urban
 * development, partnerships of the public sector, the private sector and civil society, access to
 * cultural life for everyone, exchange of experiences and best practices. Spanish and English.
 *
 * Dates are relative to the day the demo is played, so that it never looks stale: the completed
 * project ended a couple of months ago, the active ones run now, the proposed one starts soon.
 */

/** The seed cities (`src/shared/seed-cities.ts`) the scenario names; the seeder finds their ids (country ES). */
export const DEMO_CITIES = [
  'Sevilla',
  'Bilbao',
  'Granada',
  'Burgos',
  'Dénia',
  'Barcelona',
  'Terrassa',
  'Llíria',
  'Valladolid',
  'Manises',
  'Valencia',
] as const;
export type DemoCity = (typeof DEMO_CITIES)[number];

export interface DemoPartner {
  city: DemoCity;
  /** The lead's invitation message. */
  message: string;
  /** `accepted`: the city accepts the invitation; `pending`: it has not answered yet. */
  answer: 'accepted' | 'pending';
}

export interface DemoProjectUpdate {
  /** The lead or an accepted partner. */
  by: DemoCity;
  kind: 'news' | 'milestone';
  text: string;
}

interface DemoProjectBase {
  lead: DemoCity;
  title: string;
  summary: string;
  description: string;
  fields: CreativeField[];
  actionAreas: ActionArea[];
  sectors: Sector[];
  sdgs: Sdg[];
  startDate: string;
  endDate: string;
  /** Invited in this order (and accepted, for `accepted` ones), before the project starts. */
  partners: DemoPartner[];
  /** Posted in this order, once the project has started (or while it is proposed). */
  updates: DemoProjectUpdate[];
}

/** `proposed` stays so; `active` is started; `completed` is started, updated, then completed with `outcome`. */
export type DemoProject = DemoProjectBase & ({ status: 'proposed' | 'active' } | { status: 'completed'; outcome: string });

export interface DemoComment {
  by: DemoCity;
  text: string;
}

interface DemoExchangeBase {
  /** A city other than the practice's author; the author hosts. */
  requester: DemoCity;
  format: 'online' | 'study-visit' | 'mentoring' | 'staff-exchange';
  message: string;
  proposedDates: { from: string; to: string };
}

/** `requested` waits for the host; `accepted` was accepted with `answer`; `completed` then got the requester's feedback. */
export type DemoExchange = DemoExchangeBase &
  (
    | { status: 'requested' }
    | { status: 'accepted'; answer: string }
    | { status: 'completed'; answer: string; feedback: string; rating: 1 | 2 | 3 | 4 | 5 }
  );

export interface DemoPractice {
  /** The author city; the practice's creative field is that city's. */
  author: DemoCity;
  title: string;
  summary: string;
  body: string;
  actionArea: ActionArea;
  sdgs: Sdg[];
  tags: string[];
  language: 'es' | 'en';
  outcomes: string;
  links?: { title: string; url: string }[];
  /** Cities other than the author, each once. */
  endorsedBy: DemoCity[];
  comments: DemoComment[];
  exchanges: DemoExchange[];
}

export interface DemoScenario {
  projects: DemoProject[];
  practices: DemoPractice[];
}

const UNESCO_NETWORK = { title: 'UNESCO Creative Cities Network', url: 'https://www.unesco.org/en/creative-cities' };

/** `YYYY-MM-DD`, `days` after (or before, when negative) `today`. */
function dayFrom(today: Date, days: number): string {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return day.toISOString().slice(0, 10);
}

/** The scenario as played on `today`. */
export function demoScenario(today: Date = new Date()): DemoScenario {
  const day = (days: number) => dayFrom(today, days);
  return {
    projects: [
      {
        lead: 'Sevilla',
        title: 'Música en los barrios: aulas de banda en red',
        summary:
          'Sevilla, Llíria y Granada abren aulas de banda en barrios con poca oferta cultural, para que niñas y niños que nunca han pisado un ' +
          'conservatorio aprendan a tocar en grupo y actúen ante sus vecinos.',
        description:
          'Llíria aporta la experiencia de sus sociedades musicales, donde generaciones enteras han aprendido música en la banda del pueblo; ' +
          'Sevilla, su red de centros cívicos y escuelas municipales de música; Granada, sus bibliotecas de barrio, para unir lectura, letra y canción.\n\n' +
          'Durante un curso escolar cada ciudad abre dos aulas de banda, comparte repertorio y métodos de enseñanza con las demás y prepara un ' +
          'encuentro final de jóvenes músicos de las tres ciudades. Participan los ayuntamientos (sector público), las sociedades musicales y las ' +
          'asociaciones vecinales (sociedad civil) y una fundación privada que presta los instrumentos.',
        fields: ['music', 'literature'],
        actionAreas: ['pilot-projects', 'professional-exchange'],
        sectors: ['public', 'private', 'civil-society'],
        sdgs: [4, 10, 11],
        startDate: day(-75),
        endDate: day(290),
        status: 'active',
        partners: [
          {
            city: 'Llíria',
            message:
              'Vuestras sociedades musicales llevan más de un siglo formando músicos en la banda. ¿Nos ayudáis a llevar ese modelo a los barrios de Sevilla?',
            answer: 'accepted',
          },
          {
            city: 'Granada',
            message:
              'Nos gustaría que las bibliotecas de barrio de Granada fueran parte del proyecto: lectura en voz alta, letras de canciones, poesía con música.',
            answer: 'accepted',
          },
        ],
        updates: [
          {
            by: 'Sevilla',
            kind: 'milestone',
            text:
              'Abiertas las dos primeras aulas de banda en dos centros cívicos de Sevilla: 46 niñas y niños inscritos y todos los instrumentos ' +
              'prestados por la fundación colaboradora. El profesorado es de la escuela municipal de música.',
          },
          {
            by: 'Llíria',
            kind: 'news',
            text:
              'Cuatro profesores de las sociedades musicales de Llíria viajarán a Sevilla en primavera para dar clases conjuntas y preparar el ' +
              'repertorio común del encuentro final.',
          },
        ],
      },
      {
        lead: 'Bilbao',
        title: 'Design for all ages: co-designing streets with older residents',
        summary:
          'A network pilot in which designers, neighbourhood associations and older residents co-design benches, signage and resting points, ' +
          'so that public space invites everyone to stay, meet and take part in city life.',
        description:
          'Older people are the fastest-growing group in our cities and often the first to give up the street. The pilot brings together design ' +
          'schools and studios (private sector), neighbourhood and senior associations (civil society) and municipal planning services (public ' +
          'sector) to run co-design workshops in one neighbourhood per city, prototype street furniture with local makers and observe for a year ' +
          'how people use it.\n\n' +
          'Manises brings its ceramists for tiles and wayfinding pieces; Valencia, World Design Capital in 2022, is invited for its experience of ' +
          'design for public services. Methods, drawings and findings will be published openly for the whole network.',
        fields: ['design', 'crafts-folk-art'],
        actionAreas: ['pilot-projects', 'urban-policy'],
        sectors: ['public', 'private', 'civil-society'],
        sdgs: [3, 10, 11],
        startDate: day(120),
        endDate: day(485),
        status: 'proposed',
        partners: [
          {
            city: 'Manises',
            message: 'Would your ceramic workshops make the tiles and wayfinding pieces with the residents? Craft makes a street feel like home.',
            answer: 'accepted',
          },
          {
            city: 'Valencia',
            message:
              'Your experience as World Design Capital, bringing design into public services, is exactly what this pilot needs. Would you join us?',
            answer: 'pending',
          },
        ],
        updates: [],
      },
      {
        lead: 'Dénia',
        title: 'Cocina de aprovechamiento: restaurantes contra el desperdicio',
        summary:
          'Dénia y Burgos acompañaron a restaurantes y comedores escolares para medir y reducir el desperdicio de alimentos, recuperando las ' +
          'recetas de aprovechamiento de su propia tradición.',
        description:
          'La cocina tradicional de la Marina Alta y la de Castilla nacieron aprovechándolo todo: el arroz del día anterior, el pan duro, las ' +
          'partes menos nobles del cordero. El proyecto unió a las escuelas de hostelería, las asociaciones de hosteleros y los comedores ' +
          'escolares de las dos ciudades para pesar durante tres meses lo que se tiraba, formar a los equipos de cocina y devolver las recetas ' +
          'de aprovechamiento a las cartas, con un distintivo común para los locales participantes.',
        fields: ['gastronomy'],
        actionAreas: ['pilot-projects', 'experience-exchange'],
        sectors: ['public', 'private', 'civil-society'],
        sdgs: [2, 11, 12],
        startDate: day(-420),
        endDate: day(-60),
        status: 'completed',
        partners: [
          {
            city: 'Burgos',
            message: 'Burgos y Dénia compartimos cocina de aprovechamiento y ganas de medir. ¿Os sumáis con vuestras escuelas de hostelería?',
            answer: 'accepted',
          },
        ],
        updates: [
          {
            by: 'Burgos',
            kind: 'milestone',
            text:
              'Primera medición completada en Burgos: 14 restaurantes y 4 comedores escolares han pesado sus desperdicios durante cuatro ' +
              'semanas. El pan y las guarniciones son lo que más se tira.',
          },
          {
            by: 'Dénia',
            kind: 'news',
            text:
              'Las jornadas de cocina de aprovechamiento reunieron en Dénia a cocineros de las dos ciudades. Protagonista: el arroz del día ' +
              'anterior, en cinco recetas que ya están en la guía común.',
          },
        ],
        outcome:
          'En doce meses, los 30 establecimientos participantes redujeron de media un 27 % el desperdicio medido en cocina y en sala; 22 ' +
          'incorporaron al menos un plato de aprovechamiento a su carta y los comedores escolares ajustaron raciones y menús. La guía de ' +
          'recetas y el protocolo de medición, en castellano y en valenciano, quedan a disposición de toda la red.',
      },
      {
        lead: 'Terrassa',
        title: 'Film heritage in the classroom',
        summary:
          'Terrassa and Valladolid bring restored films from their archives into secondary schools, where students research them, talk with ' +
          'the neighbours who remember the places on screen and make a short film in reply.',
        description:
          'Terrassa is home to the conservation centre of the Filmoteca de Catalunya; Valladolid has hosted its international film week for ' +
          'decades. Each city selects short films and newsreels about its own history. Over one term, teachers and film educators show students ' +
          'how films are preserved, the students interview older residents and make a new short that answers the archive.\n\n' +
          'The films travel between the two cities and the project ends with a public screening in each, in a cinema and in a neighbourhood ' +
          'centre, so that the archive returns to the people it portrays.',
        fields: ['film'],
        actionAreas: ['pilot-projects', 'communication'],
        sectors: ['public', 'civil-society'],
        sdgs: [4, 11],
        startDate: day(-40),
        endDate: day(180),
        status: 'active',
        partners: [
          {
            city: 'Valladolid',
            message: 'Two film cities, two archives, one classroom project. Would Valladolid bring its schools and its festival audience?',
            answer: 'accepted',
          },
        ],
        updates: [
          {
            by: 'Terrassa',
            kind: 'milestone',
            text:
              'Archive selection done: 12 restored short films and newsreels about Terrassa’s textile past are ready for the classrooms, with ' +
              'teaching notes in Catalan, Spanish and English.',
          },
          {
            by: 'Valladolid',
            kind: 'news',
            text: 'Three secondary schools in Valladolid have joined. The first sessions start with newsreels of the city’s riverbanks in the 1960s.',
          },
        ],
      },
    ],
    practices: [
      {
        author: 'Sevilla',
        title: 'Conciertos de proximidad: la música en los centros cívicos',
        summary:
          'Un circuito estable de conciertos gratuitos en los centros cívicos de todos los distritos, programado con músicos locales y con ' +
          'las asociaciones vecinales, para que la música en directo no dependa del código postal.',
        body:
          'Cada temporada, el ayuntamiento abre una convocatoria para músicos y grupos de la ciudad, de flamenco a música antigua o pop. Una ' +
          'comisión con programadores municipales y representantes vecinales elige el cartel y lo reparte entre los distritos, de modo que ' +
          'cada centro cívico tenga al menos un concierto al mes.\n\n' +
          'Los músicos cobran un caché fijo y digno; los centros aportan la sala, el técnico de sonido y la difusión en el barrio. Antes de ' +
          'cada concierto hay un ensayo abierto para escolares y mayores del barrio.\n\n' +
          'Lo que hemos aprendido: la programación funciona cuando el barrio participa en elegirla, y el ensayo abierto atrae a quienes nunca ' +
          'comprarían una entrada.',
        actionArea: 'pilot-projects',
        sdgs: [8, 10, 11],
        tags: ['conciertos', 'barrios', 'acceso a la cultura', 'músicos locales'],
        language: 'es',
        outcomes:
          'Más de 120 conciertos por temporada en 15 centros cívicos, dos de cada tres con aforo completo; un tercio del público dice que era ' +
          'su primer concierto en directo del año.',
        links: [UNESCO_NETWORK],
        endorsedBy: ['Llíria', 'Granada'],
        comments: [
          {
            by: 'Llíria',
            text:
              'En Llíria las bandas también ensayan con las puertas abiertas y es lo que más gente nueva nos trae. ¿Cómo coordináis los ' +
              'ensayos con el horario de los centros cívicos?',
          },
        ],
        exchanges: [],
      },
      {
        author: 'Bilbao',
        title: 'A design desk for public procurement',
        summary:
          'A small team of designers inside the city council helps every department write briefs and tenders that ask for good design: clear ' +
          'services, accessible spaces and a fair chance for local studios.',
        body:
          'Public procurement is the biggest design client in any city, yet briefs are usually written without designers. Our design desk is ' +
          'three people who sit with a department before a tender is published: they turn the need into a design brief, add accessibility and ' +
          'sustainability criteria, and make sure that the award weighs quality, not only price.\n\n' +
          'The desk also runs open sessions where local studios learn how public tenders work, and publishes every brief in plain language. ' +
          'Small studios, which rarely answered public tenders, now compete and win.\n\n' +
          'It started as a one-year pilot with the design schools and the association of design professionals, and is now part of the ' +
          'council’s procurement rules.',
        actionArea: 'urban-policy',
        sdgs: [9, 11, 12],
        tags: ['public procurement', 'service design', 'accessibility', 'local studios'],
        language: 'en',
        outcomes:
          '40 tenders redesigned in two years; the share of contracts won by local studios rose from 12 % to 31 %, and complaints about the ' +
          'redesigned public services fell by a third.',
        endorsedBy: ['Valencia', 'Manises'],
        comments: [
          {
            by: 'Valencia',
            text:
              'We have design-for-services guidelines but nobody inside procurement to apply them. How did you convince the legal services to ' +
              'weigh quality over price?',
          },
        ],
        exchanges: [
          {
            requester: 'Valencia',
            status: 'requested',
            format: 'study-visit',
            message:
              'Valencia would like to send two people from our procurement and design-promotion teams to spend a few days with your design desk ' +
              'and see a tender being written from the brief to the award.',
            proposedDates: { from: day(60), to: day(62) },
          },
        ],
      },
      {
        author: 'Burgos',
        title: 'El mercado como aula: cocina de temporada para escolares',
        summary:
          'Los alumnos de primaria pasan una mañana en el mercado de abastos con productores y cocineros: conocen el producto de temporada, ' +
          'lo compran con un presupuesto y lo cocinan en el aula de la escuela de hostelería.',
        body:
          'El programa une al mercado municipal, la escuela de hostelería, las asociaciones de productores de la provincia y los colegios. ' +
          'Cada grupo recibe un presupuesto pequeño y una receta de temporada; en el mercado, los productores explican de dónde viene cada ' +
          'alimento y cuánto trabajo hay detrás.\n\n' +
          'Después, en la escuela de hostelería, los alumnos de cocina enseñan a los pequeños a preparar la receta y a aprovechar lo que sobra. ' +
          'La comida se comparte con las familias.\n\n' +
          'Claves: un calendario pactado con los puestos del mercado, recetas sencillas de la cocina burgalesa y alumnado de hostelería como ' +
          'monitores, que aprende tanto como enseña.',
        actionArea: 'experience-exchange',
        sdgs: [2, 4, 12],
        tags: ['mercados', 'educación alimentaria', 'producto de temporada', 'escuelas'],
        language: 'es',
        outcomes:
          'Unos 2.000 escolares al año; los puestos participantes dicen recibir nuevas familias como clientes, y el 80 % del profesorado repite ' +
          'al curso siguiente.',
        endorsedBy: ['Dénia', 'Valladolid'],
        comments: [
          {
            by: 'Dénia',
            text: 'Lo probamos en el mercado municipal de Dénia con la cocina marinera y funciona: los niños vuelven con sus familias a comprar.',
          },
        ],
        exchanges: [
          {
            requester: 'Dénia',
            status: 'completed',
            format: 'study-visit',
            message:
              'Dénia quiere adaptar el programa a su mercado municipal. ¿Podría visitaros un equipo de nuestra concejalía de educación y de la ' +
              'escuela de hostelería durante una de las mañanas con escolares?',
            proposedDates: { from: day(-150), to: day(-149) },
            answer: 'Encantados. Os esperamos el martes de la semana propuesta en el mercado, con un grupo de cuarto de primaria.',
            feedback:
              'Una visita muy útil: vimos el programa de principio a fin y nos llevamos el calendario con los puestos y las fichas de recetas. ' +
              'Ya hemos hecho dos mañanas piloto en Dénia con cocina marinera.',
            rating: 5,
          },
        ],
      },
      {
        author: 'Granada',
        title: 'Literary walks guided by neighbours',
        summary:
          'Residents who love a book about their neighbourhood become its guides: after a short training with the libraries, they lead free ' +
          'walks that read the streets through the writers who lived or set their stories there.',
        body:
          'Every spring the public libraries invite residents to propose a walk around a book, a poem or a writer linked to their ' +
          'neighbourhood. Librarians and local writers train the volunteers in reading aloud and in the history of the places, and the walks ' +
          'are published in the city’s literary calendar.\n\n' +
          'Each walk ends in a library, a bookshop or a neighbourhood association, where participants can borrow the book. The guides are ' +
          'often older residents, whose memories become part of the walk.\n\n' +
          'The walks spread visitors beyond the best-known monuments and give neighbourhoods a voice in how their story is told.',
        actionArea: 'experience-exchange',
        sdgs: [4, 11],
        tags: ['reading', 'libraries', 'volunteers', 'creative tourism'],
        language: 'en',
        outcomes:
          '35 volunteer guides, 18 walks in 9 neighbourhoods and 4,000 participants a year; library loans of the books walked rise after each season.',
        links: [UNESCO_NETWORK],
        endorsedBy: ['Barcelona'],
        comments: [
          {
            by: 'Barcelona',
            text:
              'A wonderful way to share a city through its literature. Our libraries would like to try it in neighbourhoods far from the centre; ' +
              'how do you keep volunteers for more than one season?',
          },
        ],
        exchanges: [
          {
            requester: 'Barcelona',
            status: 'accepted',
            format: 'mentoring',
            message:
              'Barcelona’s library network would like a few mentoring sessions to design a volunteer-guide programme for three neighbourhoods, ' +
              'and to learn how you train the guides.',
            proposedDates: { from: day(21), to: day(90) },
            answer: 'With pleasure: two of our librarians and one of the volunteer guides will run four online sessions, then we can walk together.',
          },
        ],
      },
      {
        author: 'Terrassa',
        title: 'Youth film clubs programmed by teenagers',
        summary:
          'Groups of teenagers choose, present and debate the films of a monthly youth film club in the city’s cinemas, with film educators ' +
          'who train them as programmers.',
        body:
          'Each school year, a group of 15 to 18 year-olds from different schools meets every week with two film educators. They watch, discuss ' +
          'and choose the films of a monthly session open to all young people, write the programme notes and present each screening on stage.\n\n' +
          'A local cinema lends the screen on a weekday evening, the council covers screening rights and educators, and a youth association ' +
          'handles communication on the channels young people actually use.\n\n' +
          'Programming by peers works: young audiences come for the friends on stage and stay for the films.',
        actionArea: 'professional-exchange',
        sdgs: [4, 10],
        tags: ['youth', 'film education', 'audiences', 'cinemas'],
        language: 'en',
        outcomes: '9 sessions a year with an average of 140 young people each; several former programmers now study film or work at festivals.',
        endorsedBy: ['Valladolid'],
        comments: [
          {
            by: 'Valladolid',
            text: 'Muy inspirador. En Valladolid el público joven del festival crece cuando son ellos quienes presentan las películas. ¿Compartís las fichas de programación?',
          },
        ],
        exchanges: [],
      },
      {
        author: 'Manises',
        title: 'Talleres abiertos: la cerámica a pie de calle',
        summary:
          'Una vez al mes, los talleres de cerámica de la ciudad abren sus puertas: el público ve trabajar a los artesanos, prueba el torno y ' +
          'compra directamente a quien hace cada pieza.',
        body:
          'La iniciativa nació de la asociación de ceramistas, con el apoyo del ayuntamiento y de la escuela de cerámica. Cada primer sábado ' +
          'de mes, una ruta señalizada une los talleres participantes; en cada uno hay una demostración y un pequeño taller para familias.\n\n' +
          'El ayuntamiento se encarga de la señalización y la difusión; la escuela aporta alumnado que acompaña las demostraciones; los talleres ' +
          'ponen su oficio.\n\n' +
          'Lo que funciona: una fecha fija y fácil de recordar, y la venta directa, que deja el valor en manos de quien crea.',
        actionArea: 'pilot-projects',
        sdgs: [8, 11],
        tags: ['cerámica', 'artesanía', 'talleres', 'turismo creativo'],
        language: 'es',
        outcomes: '22 talleres participantes y unas 600 visitas cada sábado de apertura; varios talleres han sumado aprendices de la escuela.',
        endorsedBy: ['Valencia'],
        comments: [],
        exchanges: [],
      },
    ],
  };
}
