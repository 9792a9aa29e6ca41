// The words the entity chunker classifies with: compromise's own lexicon
// (first names, countries, cities, organisations, organisation and place
// words) plus our titles, stop words and a few parties and bodies.
import nlp from 'compromise';

export type Tags = string | string[] | undefined;
export const model = (
  nlp as unknown as {
    model(): {
      one: { lexicon: Record<string, Tags> };
      two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
    };
  }
).model();
export const LEXICON = model.one.lexicon;
export const hasTag = (tags: Tags, set: ReadonlySet<string>): boolean =>
  tags !== undefined && (typeof tags === 'string' ? set.has(tags) : tags.some((t) => set.has(t)));
export const tagsOf = (word: string): Tags => LEXICON[word];

export const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
export const ORG_TAGS = new Set(['Organization', 'SportsTeam']);
export const PERSON_TAGS = new Set(['Person']);
export const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
export const NAME_TAGS = new Set([
  ...PLACE_TAGS,
  ...ORG_TAGS,
  ...PERSON_TAGS,
  ...FIRST_NAME_TAGS,
  'LastName',
  'ProperNoun',
]);
export const LAST_NAME = new Set(['LastName']);
export const JUNK_TAGS = new Set(['Month', 'WeekDay', 'Pronoun', 'Demonym', 'Date', 'Holiday']);

export const ORG_WORDS = new Set([
  ...Object.keys(model.two.orgWords),
  'organisation',
  'party',
  'court',
  'league',
  'parliament',
  'congress',
  'senate',
  'trust',
  'assembly',
  'commons',
  'tribunal',
  'cabinet',
  'executive',
  'network',
  'partnership',
  'coalition',
  'alliance',
  'movement',
  'front',
  // firms, clubs and ensembles the lexicon lacks: 'Ferrow Mutual', 'Saltmere Rovers', 'Kellbridge Philharmonic'
  'mutual',
  'railway',
  'railways',
  'rail',
  'airline',
  'ferries',
  'buses',
  'studios',
  'records',
  'publishing',
  'books',
  'bakery',
  'florist',
  'florists',
  'pharmacy',
  'builders',
  'solicitors',
  'rovers',
  'united',
  'wanderers',
  'athletic',
  'albion',
  'fc',
  'rfc',
  'philharmonic',
  'symphony',
  'sinfonia',
  'players',
  'singers',
  'foods',
  'farms',
  'dairies',
  'brewing',
  'distillery',
  'logistics',
  'shipping',
  'shipbuilders',
  'works',
  'mills',
  'housing',
  'supermarkets',
  'stores',
  'trading',
]);
// Last words of events and awards, named things rather than people: 'Tidemark Prize', 'Coastal Marathon'.
export const EVENT_WORDS = new Set([
  'prize',
  'award',
  'awards',
  'marathon',
  'festival',
  'cup',
  'trophy',
  'championship',
  'championships',
  'games',
  'olympics',
  'expo',
  'summit',
  'regatta',
  'derby',
  'biennale',
  'fair',
]);
// First words of places: 'River Hebble', 'Mount Kell', 'Lake Orrin'.
export const PLACE_FIRST_WORDS = new Set([
  'river',
  'lake',
  'loch',
  'mount',
  'mt',
  'cape',
  'isle',
  'fort',
  'port',
  'glen',
  'bay',
]);
export const PLACE_WORDS = new Set([
  ...Object.keys(model.two.placeWords),
  'county',
  'province',
  'island',
  'islands',
  'isles',
  'river',
  'valley',
  'mountains',
  'street',
  'harbour',
  'harbor',
  'quay',
  'pier',
  'square',
]);

/** Place words that are common surnames too: after a first name ('Delphine Marsh', 'Joan Rivers', 'Sally Field') they end a person's name. */
export const SURNAME_PLACE_WORDS = new Set([
  'hall',
  'hill',
  'hills',
  'park',
  'marsh',
  'woods',
  'rivers',
  'field',
  'lane',
  'castle',
]);

// Titles before a name: dropped from the name, and a sign the name is a person.
export const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative gov governor president ' +
    'vice prime minister secretary chancellor chairman chairwoman chair judge justice mayor king queen prince princess ' +
    'pope rev reverend father sister brother gen general col colonel capt captain lt lieutenant sgt sergeant major ' +
    'admiral commander coach manager boss chief leader deputy shadow foreign home health finance defence defense ' +
    'attorney ambassador commissioner inspector detective officer st saint archbishop bishop cardinal sheikh ' +
    'president-elect premier speaker lawmaker striker midfielder defender goalkeeper singer actor actress director ' +
    'maestro conductor councillor councilor alderman chef pastor imam rabbi constable superintendent'
  ).split(' '),
);
// Words that, first in a sentence, are capitalised only for being first.
export const STOP = new Set(
  (
    'a an the this that these those there here it its he she they we i you his her their our my your him them us ' +
    'and but or nor so yet if when while where why how what who whom which whose as at by for from in into of on ' +
    'onto to with without after before since until during about over under between among against through also ' +
    'however meanwhile then now today yesterday tomorrow last next many most some all any each every both no not ' +
    'one two three four five six seven eight nine ten first second new mr said says according despite although ' +
    'because once other others such than very more less much few several yes oh well just even still only later earlier ' +
    'soon instead elsewhere together perhaps indeed already'
  ).split(' '),
);
// Lower-case words that may join capitalised words into one name ('Bank of England').
// Not 'and': 'December and Tony Blair' is two things far more often than one.
export const CONNECT = new Set([
  'of',
  'for',
  'the',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'al',
  'bin',
  'ibn',
  'el',
  '&',
]);
// Organisations news mentions daily that the lexicon lacks or tags as common nouns.
export const EXTRA_ORGS = new Set([
  'labour',
  'tories',
  'conservatives',
  'liberal democrats',
  'lib dems',
  'democrats',
  'republicans',
  'snp',
  'ukip',
  'nhs',
  'un',
  'nato',
  'eu',
]);
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'capt',
  'lt',
  'sgt',
  'prof',
  'rev',
  'jr',
  'sr',
  'inc',
  'co',
  'corp',
  'ltd',
  'vs',
  'no',
]);
