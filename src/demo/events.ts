// All demo events, and the named people, organisations and places each one
// mentions (so topic and person pages have something to gather).
import { ARTS_SPORT_SCIENCE } from './events-arts-sport-science.ts';
import { BUSINESS_SCIENCE } from './events-business-science.ts';
import { CITY_MONEY } from './events-city-money.ts';
import { CULTURE_SPORT } from './events-culture-sport.ts';
import { NEWS_POLITICS } from './events-news-politics.ts';
import type { DemoEvent } from './events-types.ts';

export const DEMO_EVENTS: DemoEvent[] = [
  ...NEWS_POLITICS,
  ...CITY_MONEY,
  ...BUSINESS_SCIENCE,
  ...CULTURE_SPORT,
  ...ARTS_SPORT_SCIENCE,
];

const TITLES = /^(Councillor|Minister|Dr|Prof|Captain|Judge|Governor|Maestro) /;
/** Proper names only: "the Saltmere Port Authority" → "Saltmere Port Authority"; "the coast line" → none. */
function proper(s: string): string | null {
  const t = s.replace(/^the /, '');
  return /^[A-Z]/.test(t) ? t : null;
}

export interface DemoEntities {
  people: string[];
  organisations: string[];
  places: string[];
}

export function eventEntities(e: DemoEvent): DemoEntities {
  const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  return {
    people: uniq([e.who, e.reply?.who, ...(e.mentions?.people ?? [])].map((n) => n?.replace(TITLES, ''))),
    organisations: uniq([e.org, ...(e.mentions?.orgs ?? [])].map((o) => proper(o))),
    places: uniq([e.place, ...(e.mentions?.places ?? [])].map((pl) => proper(pl))),
  };
}
