// One article → what curation needs to know about it: weighted terms, topics,
// people, organisations and places, and tone. Pure, no database: the job
// stores the result.
import { extractEntities, type Entity } from '../analysis/entities.ts';
import { termCounts } from '../analysis/terms.ts';
import { tone as toneOf, isGoodNews } from '../analysis/tone.ts';
import { assignTopics, type TopicScore } from '../analysis/topics.ts';

export interface ArticleText {
  title: string;
  standfirst: string;
  text: string;
  categories: string[];
  section: string | null;
}

export interface Analysis {
  counts: Map<string, number>;
  topics: TopicScore[];
  entities: Entity[];
  tone: number;
  goodNews: boolean;
}

/** The first `n` words of a text, cheaply (tone reads the lead, not a whole long read). */
function lead(text: string, n: number): string {
  let i = 0;
  for (let w = 0; w < n; w++) {
    const next = text.indexOf(' ', i + 1);
    if (next < 0) return text;
    i = next;
  }
  return text.slice(0, i);
}

const ENTITY_TERMS = 8;

export function analyse(a: ArticleText): Analysis {
  const topics = assignTopics(
    { title: a.title, standfirst: a.standfirst, text: a.text, categories: a.categories, section: a.section },
    { max: 6 },
  );
  const entities = extractEntities({ title: a.title, standfirst: a.standfirst, text: a.text });
  const tone = toneOf(`${a.title}. ${a.standfirst}. ${lead(a.text, 400)}`);
  // A publisher's own "good news" section is taken at its word unless the story is about crime, war or disaster.
  const topicSlugs = topics.map((t) => t.slug);
  const goodNews =
    isGoodNews({ tone, topics: topicSlugs }) ||
    (a.section === 'good-news' && isGoodNews({ tone: 1, topics: topicSlugs }));
  // The names a story is about are its strongest signal: each prominent one joins the terms as "@kind:name",
  // weighted by its salience, so text similarity counts shared names (and their rarity, through IDF).
  const counts = termCounts(a);
  for (const e of entities.slice(0, ENTITY_TERMS)) counts.set(`@${e.key}`, 2 + 4 * e.salience);
  return { counts, topics, entities, tone, goodNews };
}
