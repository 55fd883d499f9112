/**
 * MongoDB's own stop-word lists for text indexes (src/mongo/db/fts/stop_words_<language>.txt in
 * the server's source), compared lower-cased with their diacritics, before stemming, as the
 * server does. English and Spanish are the Snowball lists; French is Snowball's merged with
 * MongoDB's older list.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<'english' | 'spanish' | 'french', ReadonlySet<string>> = {
  english: words(`
    a about above after again against all am an and any are aren't as at be because been before being below between both but
    by can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
    in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our
    ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this those through to too under until
    up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom
    why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
  `),
  spanish: words(`
    a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre
    era erais eran eras eres es esa esas ese eso esos esta estaba estabais estaban estabas estad estada estadas estado estados
    estamos estando estar estaremos estará estarán estarás estaré estaréis estaría estaríais estaríamos estarían estarías estas
    este estemos esto estos estoy estuve estuviera estuvierais estuvieran estuvieras estuvieron estuviese estuvieseis
    estuviesen estuvieses estuvimos estuviste estuvisteis estuviéramos estuviésemos estuvo está estábamos estáis están estás
    esté estéis estén estés fue fuera fuerais fueran fueras fueron fuese fueseis fuesen fueses fui fuimos fuiste fuisteis
    fuéramos fuésemos ha habida habidas habido habidos habiendo habremos habrá habrán habrás habré habréis habría habríais
    habríamos habrían habrías habéis había habíais habíamos habían habías han has hasta hay haya hayamos hayan hayas hayáis he
    hemos hube hubiera hubierais hubieran hubieras hubieron hubiese hubieseis hubiesen hubieses hubimos hubiste hubisteis
    hubiéramos hubiésemos hubo la las le les lo los me mi mis mucho muchos muy más mí mía mías mío míos nada ni no nos nosotras
    nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por porque que quien quienes qué se
    sea seamos sean seas seremos será serán serás seré seréis sería seríais seríamos serían serías seáis sido siendo sin sobre
    sois somos son soy su sus suya suyas suyo suyos sí también tanto te tendremos tendrá tendrán tendrás tendré tendréis
    tendría tendríais tendríamos tendrían tendrías tened tenemos tenga tengamos tengan tengas tengo tengáis tenida tenidas
    tenido tenidos teniendo tenéis tenía teníais teníamos tenían tenías ti tiene tienen tienes todo todos tu tus tuve tuviera
    tuvierais tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos tuviste tuvisteis tuviéramos tuviésemos
    tuvo tuya tuyas tuyo tuyos tú un una uno unos vosotras vosotros vuestra vuestras vuestro vuestros y ya yo él éramos
  `),
  french: words(`
    a ai aie aient aies ait alors as au aucun aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront aussi
    autre aux avaient avais avait avant avec avez aviez avions avoir avons ayant ayez ayons bon c car ce ceci cela ces cet cette
    ceux chaque ci comme comment d dans de dedans dehors depuis des deux devoir devrait devrez devriez devrions devrons devront
    dois doit donc dos droite du dès début dù elle elles en encore es est et eu eue eues eurent eus eusse eussent eusses
    eussiez eussions eut eux eûmes eût eûtes faire fais faisez fait faites fois font force furent fus fusse fussent fusses
    fussiez fussions fut fûmes fût fûtes haut hors ici il ils j je juste l la le les leur leurs lui là m ma maintenant mais me
    mes moi moins mon mot même n ne ni nom nommé nommée nommés nos notre nous nouveau nouveaux on ont ou où par parce parole
    pas personne personnes peu peut plupart pour pourquoi qu quand que quel quelle quelles quels qui s sa sans se sera serai
    seraient serais serait seras serez seriez serions serons seront ses seulement si sien soi soient sois soit sommes son sont
    sous soyez soyons suis sujet sur t ta tandis te tellement tels tes toi ton tous tout trop très tu un une valeur voient vois
    voit vont vos votre vous vu y à ça étaient étais était étant état étiez étions été étés êtes être
  `),
};
