import { describe, expect, it } from 'vitest';
import { TOPICS, assignTopics, stem, topicBySlug, type TopicInput } from './topics.ts';

function input(p: Partial<TopicInput>): TopicInput {
  return { title: '', standfirst: '', text: '', categories: [], section: null, ...p };
}
const slugs = (p: Partial<TopicInput>) => assignTopics(input(p)).map((t) => t.slug);
const best = (p: Partial<TopicInput>) => assignTopics(input(p))[0]?.slug;

describe('TOPICS', () => {
  it('has the 17 IPTC top-level topics with their codes', () => {
    const top = TOPICS.filter((t) => t.parent === null);
    expect(top).toHaveLength(17);
    expect(topicBySlug('politics')?.iptc).toBe('medtop:11000000');
    expect(topicBySlug('sport')?.iptc).toBe('medtop:15000000');
    expect(topicBySlug('weather')?.iptc).toBe('medtop:17000000');
    for (const t of top) expect(t.iptc).toMatch(/^medtop:\d{2}000000$/);
  });

  it('names second-level topics parent/child, with a parent that exists', () => {
    const required = [
      'politics/elections',
      'politics/government',
      'politics/international-relations',
      'economy-business-finance/markets',
      'economy-business-finance/companies',
      'economy-business-finance/economy',
      'sport/football',
      'sport/tennis',
      'sport/cricket',
      'sport/motor-racing',
      'arts-culture-entertainment-media/film',
      'arts-culture-entertainment-media/music',
      'arts-culture-entertainment-media/television',
      'arts-culture-entertainment-media/books',
      'human-interest/celebrity',
      'science-technology/technology',
      'science-technology/space',
      'health/medicine',
      'environment/climate-change',
      'conflict-war-peace/terrorism',
      'crime-law-justice/courts',
      'crime-law-justice/police',
    ];
    for (const slug of required) expect(topicBySlug(slug)?.parent, slug).toBe(slug.split('/')[0]);
    for (const t of TOPICS.filter((t) => t.parent)) {
      expect(t.slug.startsWith(`${t.parent}/`)).toBe(true);
      expect(topicBySlug(t.parent!)?.parent).toBeNull();
    }
    expect(topicBySlug('nonsense')).toBeUndefined();
  });
});

describe('stem', () => {
  it('folds inflections together and keeps unrelated words apart', () => {
    expect(new Set(['vote', 'votes', 'voted', 'voting'].map(stem))).toEqual(new Set(['vote']));
    expect(new Set(['injure', 'injured', 'injures'].map(stem)).size).toBe(1);
    expect(stem('policing')).toBe(stem('police'));
    expect(stem('care')).not.toBe(stem('car'));
    expect(stem('innings')).not.toBe('in');
  });
});

// One short invented story per topic family: the family must come out first.
const STORIES: [string, Partial<TopicInput>][] = [
  [
    'politics',
    {
      title: 'Prime minister faces rebellion over tax plans',
      text: 'Backbench MPs warned the government that they would vote against the bill when it returns to parliament next week, and the opposition leader said the party was divided.',
    },
  ],
  [
    'economy-business-finance',
    {
      title: 'Retailer reports record profits as sales climb',
      text: 'The supermarket chain said annual revenue rose 8%, lifting its share price, and the chief executive told investors the company would raise its dividend.',
    },
  ],
  [
    'sport',
    {
      title: 'Late goal sends champions through to the cup final',
      text: 'The striker scored in stoppage time after the goalkeeper parried a free kick, and the manager praised his squad for a battling display in front of 40,000 fans.',
    },
  ],
  [
    'arts-culture-entertainment-media',
    {
      title: 'Director wins top prize at film festival',
      text: 'The drama, starring two newcomers, was praised by critics and will open in cinemas next month; the actress said the award belonged to the whole cast.',
    },
  ],
  [
    'science-technology',
    {
      title: 'Software update fixes security flaw in millions of phones',
      text: 'Hackers could have taken over handsets through a bug in the operating system, researchers said, urging users to download the patch for their devices.',
    },
  ],
  [
    'health',
    {
      title: 'Hospital waiting lists grow as flu cases rise',
      text: 'Doctors and nurses reported more patients with symptoms of the infection, and health officials urged older people to get the vaccine.',
    },
  ],
  [
    'crime-law-justice',
    {
      title: 'Man jailed for armed robbery at jewellers',
      text: 'The judge told the court the defendant had threatened staff with a knife; he was sentenced to eight years in prison after the jury returned a guilty verdict.',
    },
  ],
  [
    'environment',
    {
      title: 'Rare species returns to restored wetland',
      text: 'Conservation groups said the habitat, once polluted by farm waste, now supports endangered birds, and wildlife experts hailed a boost for biodiversity.',
    },
  ],
  [
    'conflict-war-peace',
    {
      title: 'Troops advance as ceasefire collapses',
      text: 'Artillery shelled the city overnight and soldiers clashed with rebel fighters; the military said dozens of militants were killed as civilians fled the fighting.',
    },
  ],
  [
    'disaster-accident-emergency',
    {
      title: 'Earthquake leaves hundreds trapped under rubble',
      text: 'Rescue teams searched collapsed buildings after the quake, the death toll rose through the day and emergency services evacuated survivors from the area.',
    },
  ],
  [
    'lifestyle-leisure',
    {
      title: 'Ten recipes for a summer garden party',
      text: 'Our chef suggests easy dishes with seasonal vegetables, a light dessert and a glass of wine, perfect for a relaxed weekend at home or on holiday.',
    },
  ],
  [
    'human-interest',
    {
      title: 'Village celebrates its oldest resident turning 110',
      text: 'The centenarian marked her birthday with a party at the care home, reunited with relatives, and said the secret was a daily walk with her dog.',
    },
  ],
  [
    'education',
    {
      title: 'Exam results improve at city schools',
      text: 'More pupils passed their exams this summer, head teachers said, crediting smaller classrooms and extra support for students before the tests.',
    },
  ],
  [
    'labour',
    {
      title: 'Rail workers vote for strike over pay',
      text: 'The trade union said members rejected a wage offer below inflation and would stage a walkout next month unless employers improved the pay deal.',
    },
  ],
  [
    'religion',
    {
      title: 'Archbishop calls for unity at Easter service',
      text: 'Speaking in the cathedral, the archbishop urged Christians and people of all faiths to pray for peace, and the congregation joined in prayer.',
    },
  ],
  [
    'society',
    {
      title: 'Homelessness rises as rents outpace benefits',
      text: 'Charities said more families were living in temporary accommodation and called for affordable housing and action on poverty and inequality.',
    },
  ],
  [
    'weather',
    {
      title: 'Heavy snow and icy roads forecast for the weekend',
      text: 'The Met Office issued an amber warning as temperatures fall below freezing, with gusts of wind and further snowfall expected across the hills.',
    },
  ],
];

describe('assignTopics: each topic family', () => {
  for (const [family, story] of STORIES) {
    it(`finds ${family}`, () => {
      expect(best(story)).toBe(family);
    });
  }

  it('finds second-level topics under their parent', () => {
    expect(
      slugs({
        title: 'Tennis: top seed knocked out of Wimbledon',
        text: 'The defending champion lost in straight sets on centre court after a double fault on match point.',
      }),
    ).toContain('sport/tennis');
    expect(
      slugs({
        title: 'Central bank holds interest rates as inflation eases',
        text: 'Economists expect the rate cut to come later in the year as growth slows.',
      }),
    ).toContain('economy-business-finance/economy');
    expect(
      slugs({
        title: 'Voters head to the polls in tight election',
        text: 'Turnout was high at polling stations as candidates made a final appeal to undecided voters in marginal seats.',
      }),
    ).toContain('politics/elections');
    expect(
      slugs({
        title: 'Climate change: glaciers melting faster than feared',
        text: 'Global warming has raised sea levels, and scientists urged cuts to carbon emissions.',
      }),
    ).toContain('environment/climate-change');
    expect(
      slugs({
        title: 'Astronauts return from space station',
        text: 'The spacecraft left orbit and NASA said the crew landed safely.',
      }),
    ).toContain('science-technology/space');
  });
});

describe('assignTopics: categories and section', () => {
  const ambiguous = {
    title: 'A big day for the club',
    text: 'Everyone at the club was delighted with what happened on Saturday.',
  };

  it('maps the feed categories and the section through the alias table', () => {
    expect(best({ ...ambiguous, section: 'business' })).toBe('economy-business-finance');
    expect(best({ ...ambiguous, section: 'sport' })).toBe('sport');
    expect(slugs({ ...ambiguous, categories: ['Football'] })).toEqual(
      expect.arrayContaining(['sport', 'sport/football']),
    );
    expect(best({ ...ambiguous, categories: ['Tech'] })).toBe('science-technology');
    expect(slugs({ ...ambiguous, categories: ['Elections'] })).toEqual(
      expect.arrayContaining(['politics', 'politics/elections']),
    );
    expect(best({ ...ambiguous, section: 'Culture' })).toBe('arts-culture-entertainment-media');
  });

  it('lets the section win over text that leans elsewhere', () => {
    const leaning = {
      title: 'Club thanks its fans after a long season',
      text: 'The manager said the players and the squad had given everything this season.',
    };
    expect(best(leaning)).toBe('sport');
    expect(best({ ...leaning, section: 'business' })).toBe('economy-business-finance');
  });

  it('reads free-text categories through the lexicon', () => {
    expect(best({ ...ambiguous, categories: ['Premier League'] })).toBe('sport');
    expect(best({ ...ambiguous, categories: ['UK Parliament'] })).toBe('politics');
  });

  it('ignores categories it cannot place', () => {
    expect(slugs({ title: 'Notes from the week', categories: ['news', 'Featured', 'Long read'] })).toEqual([]);
  });
});

describe('assignTopics: shape of the answer', () => {
  it('gives nothing for a text about nothing in particular', () => {
    expect(
      slugs({
        title: 'A quiet afternoon',
        text: 'It was a day like many others. Some people went out, others stayed in, and by the evening the streets were calm again.',
      }),
    ).toEqual([]);
    expect(slugs({})).toEqual([]);
  });

  it('returns second-level topics only together with their parent', () => {
    // A passing mention of a film inside a sports story: no film without arts.
    const r = slugs({
      title: 'Striker scores hat-trick in derby win',
      text: 'The forward, who once appeared in a film, scored three goals as his team went top of the league; the manager said the squad deserved the victory.',
    });
    expect(r[0]).toBe('sport');
    for (const s of r) {
      const parent = topicBySlug(s)!.parent;
      if (parent) expect(r).toContain(parent);
    }
    expect(r).not.toContain('arts-culture-entertainment-media/film');
  });

  it('sorts by score within 0..1 and honours max', () => {
    const r = assignTopics(input(STORIES[1]![1]));
    for (const t of r) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.score).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < r.length; i++) expect(r[i - 1]!.score).toBeGreaterThanOrEqual(r[i]!.score);
    expect(assignTopics(input(STORIES[1]![1]), { max: 1 })).toHaveLength(1);
  });

  it('weighs the headline above the body', () => {
    // The same two words, one in the headline, one in the body: the headline's topic wins.
    expect(best({ title: 'Election', text: 'Football.' })).toBe('politics');
    expect(best({ title: 'Football', text: 'Election.' })).toBe('sport');
  });

  it('normalises the body by its length', () => {
    const filler = ' The day went on as days do, with people coming and going.'.repeat(40);
    const short = assignTopics(
      input({ title: 'Update', text: 'The election campaign continued with a vote in parliament.' }),
    )[0]!;
    const diluted = assignTopics(
      input({ title: 'Update', text: 'The election campaign continued with a vote in parliament.' + filler }),
    )[0];
    expect(short.slug).toBe('politics');
    expect(diluted === undefined || diluted.score < short.score).toBe(true);
  });

  it('is fast on a 600-word article', () => {
    const paragraph = STORIES.map(([, s]) => `${s.title}. ${s.text}`).join(' ');
    let text = '';
    while (text.split(/\s+/).length < 600) text += ` ${paragraph}`;
    text = text.split(/\s+/).slice(0, 600).join(' ');
    const a = input({ title: 'Ministers meet', standfirst: 'A long day in parliament for the government', text });
    for (let i = 0; i < 500; i++) assignTopics(a); // let the JIT settle
    const n = 300;
    let fastest = Infinity;
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) assignTopics(a);
      fastest = Math.min(fastest, (performance.now() - t0) / n);
    }
    expect(fastest).toBeLessThan(0.3);
  });
});
