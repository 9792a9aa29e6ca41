// Sixteen fictional publishers for the first run. Every name here is invented;
// homepages use the reserved .example domain.

export type DemoFormat = 'rss' | 'atom' | 'json' | 'rdf';
export type DemoSection = 'news' | 'politics' | 'business' | 'culture' | 'sport' | 'science' | 'good-news';
export const DEMO_SECTIONS: readonly DemoSection[] = [
  'news',
  'politics',
  'business',
  'culture',
  'sport',
  'science',
  'good-news',
];

export interface DemoPublisher {
  slug: string;
  name: string;
  /** Always https://<slug>.example/ */
  homepage: string;
  language: 'en';
  country: string;
  sections: DemoSection[];
  description: string;
  /** Brand colour, #rrggbb. */
  color: string;
  /** The feed format this publisher serves. */
  format: DemoFormat;
  /** Publishes summaries only: the app extracts full text from the article page. */
  summaryOnly?: boolean;
  /** The publisher's journalists (fictional). */
  authors: string[];
}

type Entry = Omit<DemoPublisher, 'homepage' | 'language'>;

const ENTRIES: Entry[] = [
  {
    slug: 'harbour-gazette',
    name: 'The Harbour Gazette',
    description: 'Daily news from the port city of Saltmere since 1871.',
    country: 'GB',
    sections: ['news', 'politics'],
    format: 'rss',
    color: '#1f4e79',
    authors: ['Mara Quint', 'Tobias Fenwick', 'Ada Okonjo'],
  },
  {
    slug: 'northlight-post',
    name: 'Northlight Post',
    description: 'Independent reporting from the northern provinces.',
    country: 'GB',
    sections: ['news', 'politics', 'business'],
    format: 'atom',
    color: '#7a1f2b',
    authors: ['Signe Halvorsen', 'Ruairi Doyle', 'Priya Castellan'],
  },
  {
    slug: 'meridian-ledger',
    name: 'The Meridian Ledger',
    description: 'Business, markets and the economy, without the jargon.',
    country: 'GB',
    sections: ['business'],
    format: 'rss',
    color: '#0f5c4c',
    authors: ['Elliot Marsh', 'Nadia Ferreira', 'Conrad Ilesanmi'],
  },
  {
    slug: 'copperfield-courier',
    name: 'Copperfield Courier',
    description: 'Politics and public life, reported from the gallery.',
    country: 'GB',
    sections: ['politics', 'news'],
    format: 'json',
    color: '#5b2a86',
    authors: ['Henrietta Vale', 'Kofi Mensah'],
  },
  {
    slug: 'lantern-review',
    name: 'The Lantern Review',
    description: 'Arts, books, film and the ideas behind them.',
    country: 'GB',
    sections: ['culture'],
    format: 'atom',
    color: '#9a5b13',
    authors: ['Ottilie Brandt', 'Samir Haddad'],
  },
  {
    slug: 'fieldside-sport',
    name: 'Fieldside Sport',
    description: 'Every match, every league, every result that matters.',
    country: 'GB',
    sections: ['sport'],
    format: 'rss',
    color: '#1d6b2f',
    authors: ['Declan Moor', 'Yuki Tanabe', 'Rosa Lindqvist'],
  },
  {
    slug: 'aperture-science',
    name: 'Aperture Science Weekly',
    description: 'Discoveries, explained by people who understand them.',
    country: 'GB',
    sections: ['science'],
    format: 'rdf',
    color: '#23477a',
    authors: ['Dr Imogen Reyes', 'Felix Aldous'],
  },
  {
    slug: 'brightside-dispatch',
    name: 'The Brightside Dispatch',
    description: 'Good news, carefully reported: what is going right.',
    country: 'GB',
    sections: ['good-news'],
    format: 'json',
    color: '#c2611f',
    authors: ['Juniper Ash', 'Malik Osei'],
  },
  {
    slug: 'saltmere-evening',
    name: 'Saltmere Evening Star',
    description: "The city's evening paper, now online all day.",
    country: 'GB',
    sections: ['news', 'sport'],
    format: 'rss',
    summaryOnly: true,
    color: '#2c3e50',
    authors: ['Bernadette Kell', 'Oscar Pryce'],
  },
  {
    slug: 'upland-chronicle',
    name: 'The Upland Chronicle',
    description: 'Rural affairs, farming and the life of the hill towns.',
    country: 'GB',
    sections: ['news', 'business', 'good-news'],
    format: 'atom',
    color: '#4d6b1f',
    authors: ['Gwen Llewellyn', 'Tam Rossiter'],
  },
  {
    slug: 'tidewater-times',
    name: 'Tidewater Times',
    description: 'Coast, climate and the science of the sea.',
    country: 'GB',
    sections: ['science', 'news'],
    format: 'rss',
    color: '#0b6e8a',
    authors: ['Isla Penhallow', 'Rhys Carrow'],
  },
  {
    slug: 'marquee-weekly',
    name: 'Marquee Weekly',
    description: 'Stage, screen and the people who make them.',
    country: 'GB',
    sections: ['culture', 'good-news'],
    format: 'rss',
    summaryOnly: true,
    color: '#8e244d',
    authors: ['Celeste Amari', 'Jonah Whitcombe'],
  },
  {
    slug: 'capital-observer',
    name: 'The Capital Observer',
    description: 'Analysis of government, policy and power.',
    country: 'GB',
    sections: ['politics', 'business'],
    format: 'atom',
    color: '#3a3a3a',
    authors: ['Lucian Drake', 'Farah Nazari', 'Peter Ashby'],
  },
  {
    slug: 'harbour-wire',
    name: 'Harbour Wire',
    description: 'A news agency serving titles across the region.',
    country: 'GB',
    sections: ['news', 'business', 'sport', 'science'],
    format: 'rss',
    color: '#444f5a',
    authors: ['Nell Sutcliffe', 'Abel Marchetti', 'Wren Okoro'],
  },
  {
    slug: 'ferrow-valley-voice',
    name: 'Ferrow Valley Voice',
    description: 'The valley towns, their councils, clubs and good causes.',
    country: 'GB',
    sections: ['news', 'sport', 'good-news'],
    format: 'rdf',
    color: '#6b3f1f',
    authors: ['Hattie Braithwaite', 'Emrys Cole'],
  },
  {
    slug: 'kellbridge-standard',
    name: 'The Kellbridge Standard',
    description: 'Kellbridge and the river towns, told straight.',
    country: 'GB',
    sections: ['news', 'politics', 'culture'],
    format: 'json',
    color: '#0e4a5c',
    authors: ['Philippa Rusk', 'Dev Anand Rao', 'Colm Faraday'],
  },
];

export const DEMO_PUBLISHERS: DemoPublisher[] = ENTRIES.map((e) => ({
  ...e,
  homepage: `https://${e.slug}.example/`,
  language: 'en',
}));

export function demoPublisher(slug: string): DemoPublisher | undefined {
  return DEMO_PUBLISHERS.find((p) => p.slug === slug);
}
