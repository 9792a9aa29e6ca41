import { describe, expect, it } from 'vitest';
import { entitySlug, extractEntities, type Entity } from './entities.ts';

// Short invented news texts; the people, firms and events are made up.
const byKey = (es: Entity[], key: string) => es.find((e) => e.key === key);
const keys = (es: Entity[]) => es.map((e) => e.key);

const harbour = {
  title: 'Joe Biden visits Harbourton as port strike deepens',
  standfirst: 'The President met dock workers in Harbourton on Tuesday.',
  text:
    'President Biden arrived in Harbourton after a week of stoppages. Mr Biden said the strike had gone on too long. ' +
    "Biden's aides met officials from the European Commission, and Marta Kowalczyk, who leads the dockers' union, said talks would resume. " +
    'The World Health Organization (WHO) warned that medicine shipments were delayed. The WHO asked for a corridor. ' +
    'Later the European Commission offered to mediate. Kowalczyk welcomed the offer. London and Paris were watching.',
};

describe('extractEntities', () => {
  const es = extractEntities(harbour);

  it('finds people, organisations and places', () => {
    expect(byKey(es, 'person:joe-biden')?.kind).toBe('person');
    expect(byKey(es, 'person:marta-kowalczyk')?.kind).toBe('person');
    expect(byKey(es, 'organisation:european-commission')?.kind).toBe('organisation');
    expect(byKey(es, 'place:london')?.kind).toBe('place');
  });

  it('merges full name, title + surname, possessive and bare surname into one', () => {
    const biden = byKey(es, 'person:joe-biden')!;
    expect(biden.name).toBe('Joe Biden');
    expect(biden.mentions).toBe(4); // Joe Biden, President Biden, Mr Biden, Biden's
    expect(keys(es).filter((k) => k.includes('biden'))).toEqual(['person:joe-biden']);
    expect(byKey(es, 'person:marta-kowalczyk')!.mentions).toBe(2);
  });

  it('drops titles and possessives from names', () => {
    expect(es.some((e) => /President|Mr|'s/.test(e.name))).toBe(false);
  });

  it('merges "the European Commission" with "European Commission"', () => {
    expect(byKey(es, 'organisation:european-commission')!.mentions).toBe(2);
    expect(byKey(es, 'organisation:european-commission')!.name).toBe('European Commission');
  });

  it('aliases an acronym in parentheses to the name before it', () => {
    const who = byKey(es, 'organisation:world-health-organization')!;
    expect(who.mentions).toBe(3);
    expect(keys(es)).not.toContain('organisation:who');
  });

  it('puts the headline entity first; salience is 0..1 and sorted', () => {
    expect(es[0]!.key).toBe('person:joe-biden');
    for (let i = 1; i < es.length; i++) expect(es[i - 1]!.salience).toBeGreaterThanOrEqual(es[i]!.salience);
    for (const e of es) {
      expect(e.salience).toBeGreaterThan(0);
      expect(e.salience).toBeLessThanOrEqual(1);
    }
    expect(extractEntities(harbour, { max: 2 })).toHaveLength(2);
  });

  it('does not merge a bare surname two full names share', () => {
    const two = extractEntities({
      title: 'Brothers split over family bakery',
      standfirst: '',
      text:
        'Tom Okafor and Daniel Okafor have run the Riverside bakery for ten years. Okafor said the split was friendly. ' +
        'Tom Okafor will keep the shop; Daniel Okafor plans a new one. Okafor added that prices would not change.',
    });
    expect(byKey(two, 'person:tom-okafor')!.mentions).toBe(2);
    expect(byKey(two, 'person:daniel-okafor')!.mentions).toBe(2);
    expect(keys(two).filter((k) => k.includes('okafor'))).toHaveLength(2);
  });

  it('filters junk: sentence-initial words, pronouns, days, months, single letters', () => {
    const junk = extractEntities({
      title: 'Council delays vote',
      standfirst: 'However, councillors in Brookfield said on Monday that the vote would wait until March.',
      text:
        'Yesterday He said nothing. They met in January. A vote is expected. Several members left. ' +
        'Councillors said Brookfield needed more time. Meanwhile the mayor, Priya Raman, asked for calm. Priya Raman said a plan was ready.',
    });
    const names = junk.map((e) => e.name);
    for (const bad of [
      'However',
      'Monday',
      'March',
      'January',
      'He',
      'They',
      'A',
      'Yesterday',
      'Several',
      'Meanwhile',
      'Council',
    ]) {
      expect(names).not.toContain(bad);
    }
    expect(keys(junk)).toContain('person:priya-raman');
    expect(junk.every((e) => e.name.length > 1 && /\p{Lu}/u.test(e.name))).toBe(true);
  });

  it('drops a single-word name met once in the body unless it is a known place', () => {
    const once = extractEntities({
      title: 'Ferry service resumes',
      standfirst: '',
      text: 'The ferry to Norway sailed again on Friday. Passengers thanked Zorblat for the coffee.',
    });
    expect(keys(once)).toContain('place:norway');
    expect(once.some((e) => e.name === 'Zorblat')).toBe(false);
  });

  it('gives the same key to the same entity in two articles', () => {
    const other = extractEntities({
      title: "Biden's plan for ports meets resistance",
      standfirst: 'Joe Biden faces questions in London.',
      text: 'Mr Biden told reporters in London that the European Commission backed the plan.',
    });
    for (const k of ['person:joe-biden', 'place:london', 'organisation:european-commission']) {
      expect(keys(other)).toContain(k);
      expect(keys(es)).toContain(k);
    }
  });

  it('ends a name at a line break and ignores Title Case subheadings in the body', () => {
    const lines = extractEntities({
      title: 'Library reopens after flood',
      standfirst: '',
      text:
        'Written by Sarah Lindqvist\nSarah Lindqvist\nThe Riverside library reopened on Friday after months of repairs.\n' +
        'Sarah Lindqvist Speaks Out\n' +
        'Volunteers from Riverside carried the books back. Sarah Lindqvist, the head librarian, thanked them.',
    });
    expect(keys(lines).filter((k) => k.includes('lindqvist'))).toEqual(['person:sarah-lindqvist']);
    expect(byKey(lines, 'person:sarah-lindqvist')!.mentions).toBe(4); // the byline and subheading count the name found elsewhere
  });

  it('reads a name with a number in it as a thing, never a person', () => {
    const phone = extractEntities({
      title: 'Orbix launches the Nova X7',
      standfirst: '',
      text: 'The Orbix Nova X7 goes on sale in Seoul. Reviewers said the Nova X7 camera beat the one on Flight QZ208. Orbix said the Nova X7 would be cheaper. QZ208 landed late. Q3 sales rose, Q3 profits fell.',
    });
    expect(phone.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([]);
    // the shortest form is the key, the fullest the name
    expect(byKey(phone, 'thing:nova-x7')).toMatchObject({ mentions: 4, name: 'Orbix Nova X7' });
    expect(byKey(phone, 'thing:qz208')).toMatchObject({ mentions: 2, name: 'Flight QZ208' });
    expect(keys(phone).some((k) => k.endsWith(':q3'))).toBe(false);
  });

  it('tells firms, clubs, places and events from people by their words', () => {
    const town = extractEntities({
      title: 'A busy weekend in Brackwater',
      standfirst: '',
      text:
        'Brackwater Mutual sponsored the Brackwater Marathon, which ran past the River Fennick and out to the Skellig Isles. ' +
        'Brackwater Rovers won at home, Orrin Philharmonic played in the park and Maestro Anton Velasquez conducted. ' +
        'Brackwater Mutual said the Brackwater Marathon raised money for the Orrin Prize. Fennick Railways ran extra trains to the River Fennick, ' +
        'and Brackwater Rovers thanked Orrin Philharmonic. Fennick Railways apologised for delays to the Skellig Isles. Anton Velasquez bowed. The Orrin Prize went to a poet. ' +
        'Hollis Foods fed the runners; Hollis Foods said next year would be bigger.',
    });
    const kind = (key: string) => byKey(town, key)?.kind;
    expect(kind('organisation:brackwater-mutual')).toBe('organisation');
    expect(kind('organisation:brackwater-rovers')).toBe('organisation');
    expect(kind('organisation:orrin-philharmonic')).toBe('organisation');
    expect(kind('organisation:fennick-railways')).toBe('organisation');
    expect(kind('organisation:hollis-foods')).toBe('organisation');
    expect(kind('place:river-fennick')).toBe('place');
    expect(kind('place:skellig-isles')).toBe('place');
    expect(kind('thing:brackwater-marathon')).toBe('thing');
    expect(kind('thing:orrin-prize')).toBe('thing');
    expect(byKey(town, 'person:anton-velasquez')?.mentions).toBe(2);
    expect(town.filter((e) => e.kind === 'person').map((e) => e.key)).toEqual(['person:anton-velasquez']);
  });

  it('reads a first name before a surname that is also a place word as a person', () => {
    const es = extractEntities({
      title: 'Delphine Marsh opens the Kellbridge Park garden',
      standfirst: '',
      text: 'Delphine Marsh cut the ribbon at Kellbridge Park, with Joan Rivers and Sally Field among the guests. Later Delphine Marsh walked along George Street and the Ferrow Marsh, and Joan Rivers thanked Sally Field.',
    });
    const kind = (key: string) => es.find((e) => e.key.endsWith(`:${key}`))?.kind;
    expect(kind('delphine-marsh')).toBe('person');
    expect(kind('joan-rivers')).toBe('person');
    expect(kind('sally-field')).toBe('person');
    // No first name: still places.
    expect(kind('kellbridge-park')).toBe('place');
    expect(kind('ferrow-marsh')).toBe('place');
    expect(kind('george-street')).toBe('place');
  });

  it('counts names beyond the words compromise reads', () => {
    const long = 'The tide rose slowly over the quiet harbour wall that morning. '.repeat(40);
    const late = extractEntities(
      {
        title: 'Quiet week on the coast',
        standfirst: '',
        text: `${long} Marta Kowalczyk spoke to Marta Kowalczyk's union.`,
      },
      { maxWords: 10 },
    );
    expect(byKey(late, 'person:marta-kowalczyk')?.mentions).toBe(2);
  });
});

describe('entitySlug', () => {
  it('folds case, accents, punctuation and a leading "the"', () => {
    expect(entitySlug('Joe Biden')).toBe('joe-biden');
    expect(entitySlug('José  Núñez')).toBe('jose-nunez');
    expect(entitySlug('The European Commission')).toBe('european-commission');
    expect(entitySlug("O'Neill")).toBe('oneill');
    expect(entitySlug('Marks & Spencer')).toBe('marks-and-spencer');
  });
});
