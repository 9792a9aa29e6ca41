import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle, updateArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { dot, parseVector } from '../analysis/terms.ts';
import { DEFAULT_THREAD_RULES } from './cluster-rules.ts';
import { runCuration } from './job.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const D = 86_400_000;
/** A paragraph of the given words, a full stop every six. */
const prose = (words: string) =>
  words
    .split(' ')
    .map((w, i) => (i % 6 === 5 ? `${w}.` : w))
    .join(' ');

// One mill fire followed over nine days, each report from its own angle, in its own words but for the fire.
const FIRE = [
  [
    'Kellbridge mill fire: crews battle overnight',
    'brigade ladders hoses engines firefighters stations smoke flames roof collapse water pumps hydrant breathing apparatus crew commander volunteers sirens evacuation neighbours blankets shelter hall kettle sandwiches cordon tape helmets boots radio dispatch callout midnight dawn embers scorched timber beams chimney sparks wind gusts canal bridge spectators photographs',
  ],
  [
    'Kellbridge mill fire leaves owners counting cost',
    'owners insurers assessors stock machinery looms spindles orders customers contracts invoices wages payroll redundancy union shifts workers apprentices pension accountant bank overdraft loan grant minister subsidy export textiles wool cotton dyes warehouse inventory ledger auditors valuation premium claim excess broker solicitor lawsuit settlement compensation',
  ],
  [
    'Kellbridge mill fire: roads shut for weeks',
    'council engineers surveyors scaffolding demolition crane diggers rubble skips lorries diversions buses timetable commuters cyclists pedestrians pavement junction traffic lights signage barriers potholes resurfacing tarmac drains sewer culvert gas main electricity substation cables broadband outage parking permits residents complaints petition meeting agenda minutes councillors ward budget',
  ],
  [
    'Kellbridge mill blaze blamed on faulty wiring',
    'inquiry investigators forensic laboratory samples wiring cable socket fuse board circuit breaker overload storeroom heater extension lead inspection certificate electrician contractor regulations compliance negligence prosecution coroner hearing evidence witnesses testimony expert report findings recommendations sprinklers alarms detectors training drills audit deadline',
  ],
] as const;

describe.each(testDialects)('developing stories in the curation pass on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function setup(reports: number) {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const pub = await createPublisher(db, { slug: 'north', name: 'North', sections: ['news'] }, T);
    let n = 0;
    const add = (title: string, text: string, at: number) =>
      insertArticle(
        db,
        {
          publisher_id: pub.id,
          guid: `g${++n}`,
          url: `https://x.example/${n}`,
          title,
          standfirst: '',
          body_html: '',
          body_text: text,
          body_source: 'feed',
          categories: '[]',
          word_count: 60,
          reading_minutes: 1,
          published_at: at,
          content_hash: `h${n}`,
          status: 'published',
          is_free: 0,
          created_at: T,
          modified_at: T,
        },
        [],
        [],
      );
    const ids: number[] = [];
    for (const [i, [title, words]] of FIRE.slice(0, reports).entries())
      ids.push(await add(title, prose(words), T + 3 * i * D));
    // Other news, so that words common to every report are not common to everything.
    for (let i = 0; i < 12; i++)
      await add(
        `Saltmere regatta day ${i} sees record boats`,
        `Sailors raced in the harbour on day ${i} of the regatta, and the lifeboat crew watched the sea.`,
        T + i * D,
      );
    return { db, ids, add };
  }

  const storiesOf = async (db: TestDatabase['db'], ids: number[]) => {
    const rows = await db
      .selectFrom('articles as a')
      .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
      .innerJoin('article_features as f', 'f.article_id', 'a.id')
      .select(['a.id', 'a.cluster_id', 'c.thread_id', 'f.vector'])
      .where('a.id', 'in', ids)
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({ ...r, vector: parseVector(r.vector) }));
  };
  const profileSize = async (db: TestDatabase['db'], thread: number) =>
    (await db.selectFrom('threads').select('article_count').where('id', '=', thread).executeTakeFirst())?.article_count;

  it('a report too far from each of a thread’s reports joins it through the thread as a whole', async () => {
    const { db, ids } = await setup(4);
    await runCuration(database, { now: () => T });
    const s = await storiesOf(db, ids);
    // Four stories, days apart; the last is below the related floor against every earlier report…
    expect(new Set(s.map((x) => x.cluster_id)).size).toBe(4);
    for (const earlier of s.slice(0, 3))
      expect(dot(s[3]!.vector, earlier.vector)).toBeLessThan(DEFAULT_THREAD_RULES.minText);
    // …and still continues the developing story: what the three share, it shares.
    expect(new Set(s.map((x) => x.thread_id))).toEqual(new Set([s[0]!.cluster_id]));
    expect(await profileSize(db, s[0]!.thread_id!)).toBe(4);
  });

  it('a thread from before migration 7 gets its profile from its reports, each counted once', async () => {
    const { db, ids, add } = await setup(3);
    await runCuration(database, { now: () => T });
    const thread = (await storiesOf(db, ids))[0]!.thread_id!;
    await db.deleteFrom('threads').execute();
    // A second publisher's report of the first night joins that story, and so the thread.
    const more = await add(
      'Kellbridge mill fire: crews fight blaze through the night',
      prose(FIRE[0][1]),
      T + 3_600_000,
    );
    await runCuration(database, { now: () => T });
    expect((await storiesOf(db, [more]))[0]!.thread_id).toBe(thread);
    expect(await profileSize(db, thread)).toBe(4);
  });

  it('an updated report is analysed again without being counted into its thread twice', async () => {
    const { db, ids } = await setup(3);
    await runCuration(database, { now: () => T });
    const thread = (await storiesOf(db, ids))[0]!.thread_id!;
    const pub = (
      await db.selectFrom('articles').select('publisher_id').where('id', '=', ids[1]!).executeTakeFirstOrThrow()
    ).publisher_id;
    await updateArticle(
      db,
      ids[1]!,
      pub,
      {
        title: FIRE[1][0],
        body_text: `${prose(FIRE[1][1])} Updated with the owners' statement.`,
        published_at: T + 3 * D,
      },
      [],
      [],
    );
    expect((await runCuration(database, { now: () => T + 1 })).articles).toBe(1);
    expect((await storiesOf(db, ids)).map((x) => x.thread_id)).toEqual([thread, thread, thread]);
    expect(await profileSize(db, thread)).toBe(3);
  });
});
