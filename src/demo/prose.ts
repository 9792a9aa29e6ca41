// The words around the facts: angles (how a piece approaches a story),
// section-specific paragraphs, captions and photographers. All written for
// Masthead's demo.
import type { DemoEvent } from './events-types.ts';
import type { DemoSection } from './publishers.ts';

export interface Angle {
  id: 'report' | 'reaction' | 'explainer' | 'analysis' | 'whatnext' | 'voices';
  /** Hours after the first report that this kind of piece usually appears. */
  hoursAfter: number;
  headline: (e: DemoEvent, variant: number) => string;
  standfirst: string;
  lead: string[];
}

const pick = <T,>(xs: T[], n: number) => xs[n % xs.length]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const ANGLES: Angle[] = [
  {
    id: 'report', hoursAfter: 0,
    headline: (e, v) => pick(e.headlines, v),
    standfirst: '',
    lead: ['{who}, {role} at {org}, confirmed the news on Monday.', 'The announcement came after weeks of speculation in {place}.', 'It was, by any measure, a significant day for {place}.'],
  },
  {
    id: 'reaction', hoursAfter: 6,
    headline: (e, v) => pick([`${cap(e.place)} reacts to ${e.topic}`, `“We were waiting for this”: ${e.place} on ${e.topic}`, `Mixed feelings in ${e.place} over ${e.topic}`], v),
    standfirst: 'We asked people in {place} what they made of the news, and what they want to happen now.',
    lead: ['By mid-morning, {topic} was the only thing people in {place} wanted to talk about.', 'Reaction in {place} was swift, and not all of it was what officials had hoped for.'],
  },
  {
    id: 'explainer', hoursAfter: 10,
    headline: (e, v) => pick([`Explained: ${e.topic} and what it means`, `What you need to know about ${e.topic}`, `${cap(e.topic)}: the key questions answered`], v),
    standfirst: 'The background to the story, the numbers that matter, and what comes next.',
    lead: ['If you have only caught the headlines about {topic}, here is what has happened and why it matters.'],
  },
  {
    id: 'analysis', hoursAfter: 20,
    headline: (e, v) => pick([`Analysis: the real test of ${e.topic} is still to come`, `Why ${e.topic} matters beyond ${e.place}`, `The bigger picture behind ${e.topic}`], v),
    standfirst: 'The first reactions are in. The harder questions are about what happens over the next year.',
    lead: ['It is easy to read {topic} as a local story, but it says something larger about the region.', 'Strip away the speeches and {topic} comes down to a handful of hard choices.'],
  },
  {
    id: 'whatnext', hoursAfter: 30,
    headline: (e, v) => pick([`What happens next after ${e.topic}?`, `${cap(e.topic)}: the next steps`, `After ${e.topic}, all eyes turn to the detail`], v),
    standfirst: 'The decisions, dates and deadlines that will shape what happens from here.',
    lead: ['The attention has moved on, but the work on {topic} is only beginning.', 'A week is a long time in {place}, and the questions about {topic} have not gone away.'],
  },
  {
    id: 'voices', hoursAfter: 14,
    headline: (e, v) => pick([`“It matters to all of us”: voices from ${e.place}`, `In their own words: ${e.topic}`, `The people behind ${e.topic}`], v),
    standfirst: 'The people closest to the story describe what it means to them.',
    lead: ['Behind every announcement are people whose lives it changes, and {topic} is no exception.'],
  },
];

export const GENERIC: Record<DemoSection, string[]> = {
  news: [
    'Police said there had been no reports of injuries, and asked people to follow official updates rather than rumours online.',
    'Local businesses said the next few weeks would show whether the change would last.',
    'Residents who spoke to reporters were divided, though most said they wanted clearer information from {org}.',
    'A public meeting is planned for next week, when residents will be able to put questions directly to officials.',
    'Similar cases elsewhere in the region have taken months to resolve.',
    'The county council said it was monitoring the situation closely.',
  ],
  politics: [
    'The measure must still pass a final reading before it takes effect.',
    'Opposition members said they would scrutinise the detail when it returns to committee next month.',
    'The decision is likely to feature heavily in campaigning ahead of next year’s elections.',
    'Officials have been asked to publish a full breakdown of the costs within six weeks.',
    'Campaign groups on both sides said they would keep up the pressure.',
    'Political observers said the vote showed how narrow the governing majority has become.',
  ],
  business: [
    'Shares in listed companies with exposure to the sector moved little on the news.',
    'Analysts said the decision reflected a wider shift in how investors see the region.',
    'The company said it would publish a fuller update alongside its annual results.',
    'Suppliers in the area said the news would give them more confidence to hire.',
    'Trade unions said they would seek guarantees about pay and conditions.',
    'Economists cautioned that one announcement does not make a trend.',
  ],
  culture: [
    'Tickets for the coming weeks are already scarce, and organisers have added extra dates.',
    'Critics have been broadly warm, though some questioned whether the ambition would last.',
    'The project was supported by a mix of public grants and private donations.',
    'Schools in the area have been offered free visits throughout the spring.',
    'For many in the audience it was a reminder of what the region’s cultural life can be.',
  ],
  sport: [
    'The result will be reviewed by coaches ahead of next week’s fixtures.',
    'Supporters who travelled for the event praised the atmosphere despite the weather.',
    'Attendance figures were the highest the organisers have recorded.',
    'The governing body said it would use the occasion to promote grassroots participation.',
    'Highlights will be shown on regional television on Sunday evening.',
  ],
  science: [
    'The findings have been shared with other research groups so that they can be tested independently.',
    'Funding for the work came from a mix of public research councils and charitable trusts.',
    'Researchers stressed that further work is needed before firm conclusions can be drawn.',
    'The data will be made publicly available later this year.',
    'Other scientists not involved in the study described the results as promising.',
  ],
  'good-news': [
    'Organisers say anyone who wants to get involved is welcome, whatever their experience.',
    'The idea has already been copied by groups in neighbouring towns.',
    'Volunteers say the best part has been meeting people they would never otherwise have met.',
    'A small grant from a local trust covered the cost of equipment.',
    'Those involved hope the project will still be going in twenty years.',
  ],
};

export const PHOTOGRAPHERS = ['Mara Quint', 'Leon Abara', 'Sasha Petrenko', 'Hollis Grey', 'Ayo Bankole', 'Freya Linde', 'Dominic Achterberg', 'Ruth Calloway'];

const CAPTIONS: Record<DemoSection, string[]> = {
  news: ['Morning light over {place}.', 'A street in {place} on the day of the announcement.', 'Officials at {org} speaking to reporters.'],
  politics: ['The chamber where the decision was taken.', 'Campaigners outside the offices of {org}.', '{who} speaking after the vote.'],
  business: ['The site at the centre of the plans.', 'Workers at the start of a shift in {place}.', '{who}, {role} at {org}.'],
  culture: ['The audience on the opening night.', 'Inside the venue in {place}.', '{who} before the event.'],
  sport: ['Supporters celebrate at the final whistle.', 'The decisive moment in {place}.', '{who} after the finish.'],
  science: ['Fieldwork near {place}.', 'The research team at work.', 'Equipment used in the study.'],
  'good-news': ['Volunteers at work in {place}.', 'Some of the people behind the project.', 'A good day in {place}.'],
};

export function captionFor(e: DemoEvent, n: number): string {
  return pick(CAPTIONS[e.section], n).replace(/\{(place|org|who|role)\}/g, (_, k: keyof DemoEvent) => String(e[k]));
}
