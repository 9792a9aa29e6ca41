// Feed categories and publisher sections → IPTC topics (topics.ts), as data.

// Keys are normalised: lower case, '&' as 'and', other punctuation as spaces.
export const ALIASES: Record<string, string[]> = {};
function alias(slugs: string | string[], ...names: string[]): void {
  for (const n of names) ALIASES[n] = Array.isArray(slugs) ? slugs : [slugs];
}
alias('politics', 'politics', 'political', 'uk politics', 'us politics', 'world politics', 'politik', 'politique');
alias(
  'politics/elections',
  'elections',
  'election',
  'vote',
  'voting',
  'election 2024',
  'us elections',
  'general election',
);
alias('politics/government', 'government', 'governance', 'public policy', 'policy');
alias(
  'politics/international-relations',
  'diplomacy',
  'foreign affairs',
  'foreign policy',
  'international relations',
  'geopolitics',
);
alias(
  'economy-business-finance',
  'business',
  'business news',
  'finance',
  'money',
  'your money',
  'personal finance',
  'wirtschaft',
  'economie',
  'business and finance',
  'business and economy',
  'industry',
  'trade',
);
alias('economy-business-finance/economy', 'economy', 'economics', 'the economy', 'global economy');
alias(
  'economy-business-finance/markets',
  'markets',
  'market',
  'stock markets',
  'stocks',
  'investing',
  'currencies',
  'commodities',
);
alias(
  'economy-business-finance/companies',
  'companies',
  'company news',
  'corporate',
  'mergers and acquisitions',
  'retail',
  'banking',
);
alias(
  'sport',
  'sport',
  'sports',
  'sports news',
  'sport news',
  'olympics',
  'boxing',
  'cycling',
  'sportif',
  'sports general',
);
alias('sport/football', 'football', 'soccer', 'premier league', 'champions league', 'world cup', 'fussball');
alias('sport/tennis', 'tennis', 'wimbledon');
alias('sport/cricket', 'cricket', 'the ashes');
alias(
  'sport/motor-racing',
  'formula 1',
  'formula one',
  'f1',
  'motorsport',
  'motor sport',
  'motor racing',
  'motorsports',
);
alias('sport/rugby', 'rugby', 'rugby union', 'rugby league', 'six nations');
alias('sport/golf', 'golf');
alias('sport/athletics', 'athletics', 'track and field', 'running');
alias(
  'arts-culture-entertainment-media',
  'culture',
  'arts',
  'art',
  'arts and culture',
  'culture and arts',
  'entertainment',
  'entertainment and arts',
  'arts and entertainment',
  'stage',
  'theatre',
  'theater',
  'media',
  'art and design',
  'comedy',
  'dance',
  'classical',
  'kultur',
);
alias('arts-culture-entertainment-media/film', 'film', 'films', 'movies', 'movie', 'cinema');
alias('arts-culture-entertainment-media/music', 'music', 'pop', 'rock', 'jazz', 'classical music', 'pop music');
alias('arts-culture-entertainment-media/television', 'tv', 'television', 'tv and radio', 'tv and video', 'streaming');
alias('arts-culture-entertainment-media/books', 'books', 'book', 'literature', 'fiction', 'poetry');
alias(
  'human-interest',
  'human interest',
  'good news',
  'good-news',
  'offbeat',
  'odd news',
  'weird news',
  'oddities',
  'animals',
  'royals',
  'obituaries',
);
alias('human-interest/celebrity', 'celebrity', 'celebrities', 'showbiz', 'showbusiness', 'celebrity news', 'gossip');
alias(
  'science-technology',
  'science',
  'science news',
  'science and tech',
  'science and technology',
  'wissenschaft',
  'research',
);
alias(
  'science-technology/technology',
  'tech',
  'technology',
  'internet',
  'gadgets',
  'gaming',
  'games',
  'computing',
  'ai',
  'artificial intelligence',
  'cybersecurity',
  'software',
  'mobile',
  'digital',
  'tech news',
  'technik',
);
alias('science-technology/space', 'space', 'astronomy', 'space and astronomy');
alias(['science-technology', 'environment'], 'science and environment', 'science and nature');
alias('health', 'health', 'health news', 'wellness', 'mental health', 'nhs', 'gesundheit');
alias('health/medicine', 'medicine', 'medical research', 'medical');
alias('crime-law-justice', 'crime', 'law', 'justice', 'crime and justice', 'law and order', 'legal', 'true crime');
alias('crime-law-justice/courts', 'courts', 'court', 'the courts');
alias('crime-law-justice/police', 'police', 'policing');
alias(
  'environment',
  'environment',
  'nature',
  'wildlife',
  'conservation',
  'energy and environment',
  'green',
  'pollution',
);
alias('environment/climate-change', 'climate', 'climate change', 'climate crisis', 'global warming');
alias('conflict-war-peace', 'war', 'conflict', 'conflicts', 'defence', 'defense', 'military', 'war and conflict');
alias('conflict-war-peace/terrorism', 'terrorism', 'terror');
alias('disaster-accident-emergency', 'disaster', 'disasters', 'accidents', 'emergencies', 'natural disasters');
alias(
  'lifestyle-leisure',
  'lifestyle',
  'life and style',
  'leisure',
  'travel',
  'food',
  'food and drink',
  'fashion',
  'style',
  'home and garden',
  'gardening',
  'motoring',
  'cars',
  'recipes',
);
alias('education', 'education', 'schools', 'universities', 'higher education', 'family and education');
alias('labour', 'work', 'jobs', 'careers', 'employment', 'work and careers', 'unions');
alias('religion', 'religion', 'faith', 'religion and belief', 'belief');
alias('society', 'society', 'communities', 'social affairs', 'equality', 'immigration', 'housing', 'inequality');
alias('weather', 'weather', 'forecast');
