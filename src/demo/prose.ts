// The words around the facts: section paragraphs, captions, photographers
// and picture credits. All written for Masthead's demo.
import { fill } from './angles.ts';
import type { DemoEvent } from './events-types.ts';
import type { DemoPublisher, DemoSection } from './publishers.ts';
import { pick } from './random.ts';

/** Paragraphs that could appear in any story of a section; {place}, {org} … are filled in. */
export const GENERIC: Record<DemoSection, string[]> = {
  news: [
    'A spokesperson for {org} said a fuller statement would follow once the facts were clear.',
    'Councillors representing {place} said their inboxes had filled up within hours.',
    'Police said there had been no reports of injuries, and asked people to follow official updates rather than rumours online.',
    'Local businesses said the next few weeks would show whether the change would last.',
    'Residents who spoke to reporters were divided, though most said they wanted clearer information from {org}.',
    'A public meeting is planned for next week, when residents will be able to put questions directly to officials.',
    'Similar cases elsewhere in the region have taken months to resolve.',
    'The county council said it was monitoring the situation closely.',
  ],
  politics: [
    'A spokesperson for {org} declined to say whether the timetable could slip.',
    'Several members said privately that the numbers had been closer than the public vote suggested.',
    'The measure must still pass a final reading before it takes effect.',
    'Opposition members said they would scrutinise the detail when it returns to committee next month.',
    'The decision is likely to feature heavily in campaigning ahead of next year’s elections.',
    'Officials have been asked to publish a full breakdown of the costs within six weeks.',
    'Campaign groups on both sides said they would keep up the pressure.',
    'Political observers said the vote showed how narrow the governing majority has become.',
  ],
  business: [
    'The announcement was welcomed by the regional chamber of commerce, which said it would watch the detail closely.',
    'Neither side would comment on the figures reported by other outlets.',
    'Shares in listed companies with exposure to the sector moved little on the news.',
    'Analysts said the decision reflected a wider shift in how investors see the region.',
    'The company said it would publish a fuller update alongside its annual results.',
    'Suppliers in the area said the news would give them more confidence to hire.',
    'Trade unions said they would seek guarantees about pay and conditions.',
    'Economists cautioned that one announcement does not make a trend.',
  ],
  culture: [
    'The programme runs until the end of the season, with a family performance on Saturday afternoons.',
    'Several of the people involved had never worked in the arts before.',
    'Tickets for the coming weeks are already scarce, and organisers have added extra dates.',
    'Critics have been broadly warm, though some questioned whether the ambition would last.',
    'The project was supported by a mix of public grants and private donations.',
    'Schools in the area have been offered free visits throughout the spring.',
    'For many in the audience it was a reminder of what the region’s cultural life can be.',
  ],
  sport: [
    'The club said it would release a full injury update before the weekend.',
    'Bookmakers cut their odds for the rest of the season within an hour of the result.',
    'The result will be reviewed by coaches ahead of next week’s fixtures.',
    'Supporters who travelled for the event praised the atmosphere despite the weather.',
    'Attendance figures were the highest the organisers have recorded.',
    'The governing body said it would use the occasion to promote grassroots participation.',
    'Highlights will be shown on regional television on Sunday evening.',
  ],
  science: [
    'The work has been submitted for peer review, and a preprint is available now.',
    'Members of the public will be able to see some of the material at an open day next month.',
    'The findings have been shared with other research groups so that they can be tested independently.',
    'Funding for the work came from a mix of public research councils and charitable trusts.',
    'Researchers stressed that further work is needed before firm conclusions can be drawn.',
    'The data will be made publicly available later this year.',
    'Other scientists not involved in the study described the results as promising.',
  ],
  'good-news': [
    'Anyone who would like to help can simply turn up; there is tea, and there are biscuits.',
    'Several of those who first came for help are now among the regular volunteers.',
    'Organisers say anyone who wants to get involved is welcome, whatever their experience.',
    'The idea has already been copied by groups in neighbouring towns.',
    'Volunteers say the best part has been meeting people they would never otherwise have met.',
    'A small grant from a local trust covered the cost of equipment.',
    'Those involved hope the project will still be going in twenty years.',
  ],
};

export const PHOTOGRAPHERS = [
  'Mara Quint',
  'Leon Abara',
  'Sasha Petrenko',
  'Hollis Grey',
  'Ayo Bankole',
  'Freya Linde',
  'Dominic Achterberg',
  'Ruth Calloway',
  'Ines Morrow',
  'Teodor Vass',
];
export const AGENCIES = ['Northlight Agency', 'Coastline Pictures', 'Fellside Images'];

const CAPTIONS: Record<DemoSection, string[]> = {
  news: [
    'Morning light over {place}.',
    'A street in {place} on the day of the announcement.',
    'Officials at {org} speaking to reporters.',
    'The scene in {place} on Tuesday afternoon.',
    'Residents in {place} waiting for news.',
  ],
  politics: [
    'The chamber where the decision was taken.',
    'Campaigners outside the offices of {org}.',
    '{who} speaking after the vote.',
    'Members leaving the chamber late in the evening.',
    'Leaflets from both sides of the argument.',
  ],
  business: [
    'The site at the centre of the plans.',
    'Workers at the start of a shift in {place}.',
    '{who}, {role} at {org}.',
    'The headquarters of {org}.',
    'Goods waiting to be loaded in {place}.',
  ],
  culture: [
    'The audience on the opening night.',
    'Inside the venue in {place}.',
    '{who} before the event.',
    'A rehearsal earlier in the week.',
    'Visitors queueing in {place}.',
  ],
  sport: [
    'Supporters celebrate at the final whistle.',
    'The decisive moment in {place}.',
    '{who} after the finish.',
    'Spectators in {place} as the afternoon wore on.',
    'The squad training earlier in the week.',
  ],
  science: [
    'Fieldwork near {place}.',
    'The research team at work.',
    'Equipment used in the study.',
    'Samples being prepared in the laboratory.',
    'The view from {place} at dusk.',
  ],
  'good-news': [
    'Volunteers at work in {place}.',
    'Some of the people behind the project.',
    'A good day in {place}.',
    '{who} with some of the volunteers.',
    'The project in {place} has grown every year.',
  ],
};

export function captionFor(e: DemoEvent, n: number): string {
  return fill(pick(CAPTIONS[e.section], n), e);
}

/** A picture credit in one of the house styles: "Photograph: Name/Publisher", "Photograph: Name/Agency" or "(Agency)". */
export function creditFor(p: DemoPublisher, n: number, wire = false): string {
  const who = pick(PHOTOGRAPHERS, n);
  if (wire) return `Photograph: ${who}/Harbour Wire`;
  switch (n % 5) {
    case 0:
    case 1:
    case 2:
      return `Photograph: ${who}/${p.name}`;
    case 3:
      return `Photograph: ${who}/${pick(AGENCIES, n >>> 3)}`;
    default:
      return `(${pick(AGENCIES, n >>> 3)})`;
  }
}
