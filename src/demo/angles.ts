// Angles: the ways a newsroom approaches one event (the report, reactions,
// an explainer, analysis, what next, voices). Each gives headline variants,
// so that publishers covering the same event never share a headline.
import type { DemoEvent } from './events-types.ts';

export type AngleId = 'report' | 'reaction' | 'explainer' | 'analysis' | 'whatnext' | 'voices';

export interface Angle {
  id: AngleId;
  /** Hours after the first report that this kind of piece usually appears. */
  hoursAfter: number;
  /** Headline variants, best first. */
  headlines: (e: DemoEvent) => string[];
  standfirsts: string[];
  leads: string[];
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const ANGLES: Angle[] = [
  {
    id: 'report',
    hoursAfter: 0,
    headlines: (e) => [
      ...e.headlines,
      `${cap(e.topic)}: ${e.org} confirms the details`,
      `“${shortQuote(e.quote)}”: ${e.who} on ${e.topic}`,
      `What we know so far about ${e.topic}`,
      `${cap(e.topic)}: the story so far`,
      `Latest: ${e.topic}`,
    ],
    standfirsts: [],
    leads: [
      '{who}, {role} at {org}, confirmed the news on Monday.',
      'The announcement came after weeks of speculation in {place}.',
      'It was, by any measure, a significant day for {place}.',
      'Word began to spread in {place} early in the morning, and by lunchtime {org} had confirmed it.',
      'Few people in {place} will have been surprised, but the scale of it still caught many off guard.',
    ],
  },
  {
    id: 'reaction',
    hoursAfter: 6,
    headlines: (e) => [
      `${cap(e.place)} reacts to ${e.topic}`,
      ...(e.reply ? [`“${shortQuote(e.reply.quote)}”: ${e.reply.who} responds`] : []),
      `“We were waiting for this”: ${e.place} on ${e.topic}`,
      `Mixed feelings in ${e.place} over ${e.topic}`,
      `Relief, doubt and questions after ${e.topic}`,
      `How ${e.place} took the news of ${e.topic}`,
      `${cap(e.topic)}: the reaction so far`,
    ],
    standfirsts: [
      'We asked people in {place} what they made of the news, and what they want to happen now.',
      'Reaction ranged from delight to scepticism, and most people had a question for {org}.',
    ],
    leads: [
      'By mid-morning, {topic} was the only thing people in {place} wanted to talk about.',
      'Reaction in {place} was swift, and not all of it was what officials had hoped for.',
      'In the cafés and at the school gates of {place}, opinions on {topic} were not hard to find.',
    ],
  },
  {
    id: 'explainer',
    hoursAfter: 10,
    headlines: (e) => [
      `Explained: ${e.topic} and what it means`,
      `What you need to know about ${e.topic}`,
      `${cap(e.topic)}: the key questions answered`,
      `${cap(e.topic)} in five minutes`,
      `A short guide to ${e.topic}`,
      `${cap(e.topic)}, explained for everyone else`,
    ],
    standfirsts: [
      'The background to the story, the numbers that matter, and what comes next.',
      'Catch up on {topic}: who is involved, why it matters and what happens now.',
    ],
    leads: [
      'If you have only caught the headlines about {topic}, here is what has happened and why it matters.',
      'There has been a lot of noise about {topic}. Here is the signal.',
    ],
  },
  {
    id: 'analysis',
    hoursAfter: 20,
    headlines: (e) => [
      `Analysis: the real test of ${e.topic} is still to come`,
      `Why ${e.topic} matters beyond ${e.place}`,
      `The bigger picture behind ${e.topic}`,
      `What ${e.topic} tells us about ${e.place}`,
      `Analysis: ${e.topic} and the choices ahead`,
      `The hard questions behind ${e.topic}`,
    ],
    standfirsts: [
      'The first reactions are in. The harder questions are about what happens over the next year.',
      'Beneath the headlines, {topic} turns on money, trust and time.',
    ],
    leads: [
      'It is easy to read {topic} as a local story, but it says something larger about the region.',
      'Strip away the speeches and {topic} comes down to a handful of hard choices.',
      'Announcements are the easy part. What {org} does over the coming months will decide how {topic} is remembered.',
    ],
  },
  {
    id: 'whatnext',
    hoursAfter: 30,
    headlines: (e) => [
      `What happens next after ${e.topic}?`,
      `${cap(e.topic)}: the next steps`,
      `After ${e.topic}, all eyes turn to the detail`,
      `${cap(e.topic)}: the dates to watch`,
      `Where ${e.topic} goes from here`,
      `The week ahead for ${e.topic}`,
    ],
    standfirsts: [
      'The decisions, dates and deadlines that will shape what happens from here.',
      'The first chapter is over. Here is what {org} has to do now.',
    ],
    leads: [
      'The attention has moved on, but the work on {topic} is only beginning.',
      'A week is a long time in {place}, and the questions about {topic} have not gone away.',
    ],
  },
  {
    id: 'voices',
    hoursAfter: 14,
    headlines: (e) => [
      `“It matters to all of us”: voices from ${e.place}`,
      `In their own words: ${e.topic}`,
      `The people behind ${e.topic}`,
      `${cap(e.topic)}, seen from close up`,
      `Ten conversations about ${e.topic}`,
      `“You have to see it to understand”: ${e.topic}`,
    ],
    standfirsts: [
      'The people closest to the story describe what it means to them.',
      'Those who live with {topic} every day tell it in their own words.',
    ],
    leads: [
      'Behind every announcement are people whose lives it changes, and {topic} is no exception.',
      'Ask people in {place} about {topic} and most of them start with a story of their own.',
    ],
  },
];

/** The opening words of a quote, for a headline: "This is the unglamorous work…". */
export function shortQuote(q: string, words = 7): string {
  const first = q.split(/[,;:]/)[0]!.trim().split(/\s+/);
  return first.length <= words ? first.join(' ') : `${first.slice(0, words).join(' ')}…`;
}

export function fill(template: string, e: DemoEvent): string {
  return template.replace(
    /\{(place|topic|org|who|role)\}/g,
    (_, k: 'place' | 'topic' | 'org' | 'who' | 'role') => e[k],
  );
}
