// How positive an article reads, for the "good news" section: a small,
// hand-written valence lexicon of news English (−3 … +3 per word), with
// negation ("not good", "no progress", "never recovered") flipping and
// damping the words that follow it within the clause, and intensifiers
// ("very", "hugely") strengthening the next one. The sum is normalised by the
// text's length and squashed into [−1, 1].
import { words } from './tokens.ts';

const VALENCE_LISTS: [number, string][] = [
  [
    3,
    `wonderful amazing fantastic superb outstanding delighted delight thrilled overjoyed joy joyful jubilant
       triumph triumphant breakthrough heartwarming heartening inspiring inspirational miracle miraculous
       excellent brilliant magnificent marvellous celebrate celebrated celebration celebrations cure cured
       lifesaving rescued reunited heroic hero heroes`,
  ],
  [
    2,
    `good great best better happy happiness glad pleased proud pride love loved lovely beautiful success
       successful succeed succeeded win won winner winners victory award awarded awards honour honoured
       praise praised hope hopeful hopes optimism optimistic improve improved improvement improvements
       improving recover recovered recovery thrive thriving flourish flourishing boost boosted helped
       help helping kind kindness generous generosity donate donated donation donations charity volunteer
       volunteers volunteered gift gifts grateful thank thanks thanked smile smiles smiling laugh laughter
       fun enjoy enjoyed welcome welcomed safe safely saved save saving protect protected restore restored
       peace peaceful healthy heal healed healing survive survived milestone achievement achieve achieved
       innovative innovation progress positive benefit benefits opportunity opportunities
       support supported friendship friends together solved solution solutions adopted adoption bravery
       brave courage courageous reunion freed rebuild rebuilt clean cleaner greener bloom blooming
       affordable excited exciting encouraging inspire inspired empower empowered`,
  ],
  [
    1,
    `ok fine fair calm stable steady agree agreed agreement deal growth grow growing rise rising gain gains
       gained rebound rebounded increase increased strong stronger strength easy eased easing ease resolve
       resolved resolution reopen reopened open create created creating new launch launched first bestselling
       popular useful clear clever efficient fresh relief relieved upbeat promising record`,
  ],
  [
    -1,
    `problem problems issue issues concern concerns concerned worry worried worries risk risks difficult
        difficulty fall fell falling drop dropped decline declined declining down lower cut cuts cutting
        delay delayed doubt doubts uncertain uncertainty slow slowed slowing weak weaker warn warned warning
        warnings criticise criticised criticism critical complain complained complaint complaints dispute
        row rows against shortage shortages struggle struggling pressure fear fears feared blame blamed
        deny denied reject rejected refuse refused lose lost losing loss losses miss missed fail shut closed
        closure closures sick ill poor expensive costly`,
  ],
  [
    -2,
    `bad worse sad sadly angry anger furious outrage outraged protest protests fight fighting clash clashes
        damage damaged hurt injured injury injuries pain painful suffer suffered suffering victim victims
        failure failed crisis crises collapse collapsed slump plunge plunged crash crashed debt deficit
        unemployment redundancies layoffs bankrupt bankruptcy scandal fraud corruption accused accuse
        arrest arrested jailed prison guilty crime criminal threat threats threaten threatened danger
        dangerous attack attacked violence violent abuse abused shock shocking shocked fire flood floods
        flooding drought storm hunger poverty homeless disease illness cancer toxic pollution polluted
        ban banned strike strikes chaos grim bleak alarm alarming fearful afraid lonely loneliness
        destroy destroyed destruction broken hate hatred racist racism emergency evacuated missing`,
  ],
  [
    -3,
    `kill killed killing killings dead death deaths die died dies dying murder murdered tragedy tragic
        disaster catastrophe catastrophic devastating devastated horror horrific terror terrorist terrorism
        war massacre genocide bomb bombing bombings rape raped torture tortured famine earthquake tsunami
        fatal fatalities slaughter atrocity atrocities suicide grief mourn mourning shooting stabbed stabbing`,
  ],
];

const VALENCE = new Map<string, number>();
for (const [v, list] of VALENCE_LISTS) for (const w of list.split(/\s+/)) if (w) VALENCE.set(w, v);

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
  'scarcely',
  'cannot',
  "can't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "wouldn't",
  "shouldn't",
  "couldn't",
  "hasn't",
  "haven't",
  "hadn't",
  "mustn't",
  'lack',
  'lacked',
  'lacking',
]);
const INTENSIFIERS = new Map([
  ['very', 1.5],
  ['extremely', 1.8],
  ['really', 1.3],
  ['hugely', 1.6],
  ['highly', 1.4],
  ['deeply', 1.5],
  ['incredibly', 1.7],
  ['truly', 1.4],
  ['so', 1.3],
  ['most', 1.2],
  ['particularly', 1.3],
  ['utterly', 1.7],
  ['slightly', 0.5],
  ['somewhat', 0.6],
  ['fairly', 0.8],
]);
/** Words after a negator that it reaches, within the clause. */
const NEGATION_SCOPE = 3;
/** A negated word counts this much, opposite way ("not bad" is mildly good, not great). */
const NEGATION_FACTOR = -0.6;
/** tone = tanh(GAIN × valence / max(words, MIN_WORDS)) */
const GAIN = 6;
const MIN_WORDS = 8;

function valence(word: string): number | undefined {
  const v = VALENCE.get(word);
  if (v !== undefined) return v;
  // Simple inflections of listed words: hopes → hope, cheering → cheer, smiled → smile.
  for (const [suffix, add] of [
    ['s', ''],
    ['es', ''],
    ['ed', ''],
    ['ed', 'e'],
    ['d', ''],
    ['ing', ''],
    ['ing', 'e'],
    ['ly', ''],
  ] as const) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = VALENCE.get(word.slice(0, -suffix.length) + add);
      if (base !== undefined) return base;
    }
  }
  return undefined;
}

/** How positive a text reads, in [−1, 1]; 0 for a neutral or empty text. */
export function tone(text: string): number {
  let sum = 0;
  let count = 0;
  // Negation stops at the end of a clause.
  for (const clause of text.split(/[.!?;:,()\u2013\u2014\n]+/)) {
    const ws = words(clause);
    count += ws.length;
    let negatedUntil = -1;
    let boost = 1;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      if (NEGATORS.has(w)) {
        negatedUntil = i + NEGATION_SCOPE;
        continue;
      }
      const intensity = INTENSIFIERS.get(w);
      if (intensity !== undefined) {
        boost *= intensity;
        continue;
      }
      const v = valence(w);
      if (v !== undefined) sum += v * boost * (i <= negatedUntil ? NEGATION_FACTOR : 1);
      boost = 1;
    }
  }
  if (count === 0) return 0;
  return Math.tanh((GAIN * sum) / Math.max(count, MIN_WORDS));
}

const EXCLUDED = ['crime-law-justice', 'conflict-war-peace', 'disaster-accident-emergency'];

/** Good news: reads clearly positive, and is about no crime, conflict or disaster (nor any of their sub-topics). */
export function isGoodNews(a: { tone: number; topics: string[] }, threshold = 0.2): boolean {
  if (!(a.tone > threshold)) return false;
  return !a.topics.some((t) => EXCLUDED.some((root) => t === root || t.startsWith(`${root}/`)));
}
