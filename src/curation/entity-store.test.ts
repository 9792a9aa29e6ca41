import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import type { Entity } from '../analysis/entities.ts';
import { canonicalNames, entityIds } from './entity-store.ts';
import { newRunCache, writeFeatures } from './store.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const name = (key: string, display: string, salience = 0.5): Entity => ({
  key,
  kind: key.slice(0, key.indexOf(':')) as Entity['kind'],
  name: display,
  mentions: 2,
  salience,
});

describe.each(testDialects)('names stored across articles on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('files a bare surname under the one full name known, and under its own name when two share it', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const amara = (await entityIds(db, [name('person:amara-lindqvist', 'Amara Lindqvist')], newRunCache())).get(
      'person:amara-lindqvist',
    )!;
    // A later article says only "Lindqvist": her page, not a page of its own.
    expect((await entityIds(db, [name('person:lindqvist', 'Lindqvist')], newRunCache())).get('person:lindqvist')).toBe(
      amara,
    );
    // A thing's other form: the same entity, both ways round.
    const nova = (await entityIds(db, [name('thing:nova-x7', 'Nova X7')], newRunCache())).get('thing:nova-x7')!;
    expect(
      (await entityIds(db, [name('thing:orbix-nova-x7', 'Orbix Nova X7')], newRunCache())).get('thing:orbix-nova-x7'),
    ).toBe(nova);
    // With a second Lindqvist known, a bare "Lindqvist" is nobody's guess: its own entity, even within one run.
    const run = newRunCache();
    expect((await entityIds(db, [name('person:lindqvist', 'Lindqvist')], run)).get('person:lindqvist')).toBe(amara);
    await entityIds(db, [name('person:tom-lindqvist', 'Tom Lindqvist')], run);
    const bare = (await entityIds(db, [name('person:lindqvist', 'Lindqvist')], run)).get('person:lindqvist')!;
    expect(bare).not.toBe(amara);
    expect(await db.selectFrom('entities').select(['key', 'tail']).orderBy('id').execute()).toEqual([
      { key: 'person:amara-lindqvist', tail: 'lindqvist' },
      { key: 'thing:nova-x7', tail: 'x7' },
      { key: 'person:tom-lindqvist', tail: 'lindqvist' },
      { key: 'person:lindqvist', tail: 'lindqvist' },
    ]);
  });

  it('never files a generic name under a specific one', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const ids = await entityIds(
      db,
      [
        name('organisation:fennick-city-council', 'Fennick City Council'),
        name('thing:rowing-world-cup', 'Rowing World Cup'),
        name('place:new-fennick', 'New Fennick'),
      ],
      newRunCache(),
    );
    const generic = await entityIds(
      db,
      [
        name('organisation:city-council', 'City Council'),
        name('thing:world-cup', 'World Cup'),
        name('place:fennick', 'Fennick'),
      ],
      newRunCache(),
    );
    for (const id of generic.values()) expect([...ids.values()]).not.toContain(id);
    // Nor a generic organisation a specific one, either way round.
    const ministry = (
      await entityIds(
        db,
        [name('organisation:fennick-ministry-of-health', 'Fennick Ministry of Health')],
        newRunCache(),
      )
    ).get('organisation:fennick-ministry-of-health');
    expect(
      (await entityIds(db, [name('organisation:ministry-of-health', 'Ministry of Health')], newRunCache())).get(
        'organisation:ministry-of-health',
      ),
    ).not.toBe(ministry);
    // A model's longer form goes under the fullest known shorter one.
    const nova = (
      await entityIds(
        db,
        [name('thing:nova-x9', 'Nova X9'), name('thing:zeta-x9', 'Zeta X9'), name('thing:x9', 'X9')],
        newRunCache(),
      )
    ).get('thing:nova-x9');
    expect(
      (await entityIds(db, [name('thing:orbix-nova-x9', 'Orbix Nova X9')], newRunCache())).get('thing:orbix-nova-x9'),
    ).toBe(nova);
  });

  it('links an article once to an entity two of its names stand for', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const pub = await createPublisher(db, { slug: 'quay', name: 'Quay', sections: ['news'] }, T);
    const article = await insertArticle(
      db,
      {
        publisher_id: pub.id,
        guid: 'g1',
        url: 'https://quay.example/1',
        title: 'Nova X7 review',
        standfirst: '',
        body_html: '',
        body_text: 'Text.',
        body_source: 'feed',
        categories: '[]',
        word_count: 1,
        reading_minutes: 1,
        published_at: T,
        content_hash: 'h1',
        status: 'published',
        is_free: 0,
        created_at: T,
        modified_at: T,
      },
      [],
      [],
    );
    await entityIds(db, [name('thing:nova-x7', 'Nova X7')], newRunCache());
    await writeFeatures(
      db,
      {
        id: article,
        publishedAt: T,
        vector: new Map([['nova', 1]]),
        postings: 4,
        entities: [name('thing:nova-x7', 'Nova X7', 0.4), name('thing:orbix-nova-x7', 'Orbix Nova X7', 0.7)],
        topics: [],
      },
      true,
      newRunCache(),
    );
    const links = await db
      .selectFrom('article_entities')
      .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
      .select(['entities.key', 'article_entities.salience', 'entities.article_count'])
      .execute();
    expect(links).toEqual([{ key: 'thing:nova-x7', salience: 0.7, article_count: 1 }]);
  });

  it('gives an article’s names, and their terms, the keys of the entities they stand for', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    await entityIds(db, [name('person:amara-lindqvist', 'Amara Lindqvist')], newRunCache());
    const analysis = {
      entities: [
        name('person:lindqvist', 'Lindqvist', 0.6),
        name('place:riverside', 'Riverside', 0.4),
        name('place:harbourton', 'Harbourton', 0.1),
      ],
      counts: new Map([
        ['@person:lindqvist', 4.4],
        ['@place:riverside', 3.6],
        ['librari', 3],
      ]),
    };
    await canonicalNames(db, analysis, 2, newRunCache());
    expect(analysis.entities.map((e) => e.key)).toEqual([
      'person:amara-lindqvist',
      'place:riverside',
      'place:harbourton',
    ]);
    expect([...analysis.counts]).toEqual([
      ['@place:riverside', 3.6],
      ['librari', 3],
      ['@person:amara-lindqvist', 4.4],
    ]);
    // Two leading names that are one entity: the next name moves up and is resolved too.
    const two = {
      entities: [
        name('person:amara-lindqvist', 'Amara Lindqvist', 0.7),
        name('person:lindqvist', 'Lindqvist', 0.6),
        name('organisation:orrin-mutual', 'Orrin Mutual', 0.2),
      ],
      counts: new Map<string, number>(),
    };
    await canonicalNames(db, two, 2, newRunCache());
    expect(two.entities.map((e) => e.key)).toEqual(['person:amara-lindqvist', 'organisation:orrin-mutual']);
    expect(
      await db.selectFrom('entities').select('key').where('key', '=', 'organisation:orrin-mutual').execute(),
    ).toHaveLength(1);
  });
});
