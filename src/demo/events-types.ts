import type { DemoSection } from './publishers.ts';

/** One fictional news event, which several publishers cover in their own words. */
export interface DemoEvent {
  id: string;
  section: DemoSection;
  /** Days before the demo epoch when the story broke (0–9). */
  day: number;
  /** Short noun phrase for follow-up headlines: "the harbour budget". */
  topic: string;
  place: string;
  who: string;
  role: string;
  org: string;
  headlines: string[];
  standfirst: string;
  /** Sentences of the story; each article uses a subset, in its own order. */
  facts: string[];
  quote: string;
  /** A second voice, for balance. */
  reply?: { who: string; role: string; quote: string };
  tags: string[];
  /** Near-verbatim agency copy that several publishers run (for duplicate detection). */
  wire?: boolean;
  positive?: boolean;
  /** Further named people, organisations and places the story mentions (they recur across events). */
  mentions?: { people?: string[]; orgs?: string[]; places?: string[] };
}
