// First run of the embedded install: the fictional publishers and their feeds,
// pointing at this server's own demo source. Feeds carry the private-address
// allowance (the source is on loopback); nothing else gets it.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { createUser } from '../members/accounts.ts';
import { addFeed } from '../catalog/feeds.ts';
import { createPublisher, getPublisherBySlug } from '../catalog/publishers.ts';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { DEMO_PUBLISHERS } from './publishers.ts';

const EPOCH_KEY = 'demo_epoch';

/** The demo's fixed "now": set at the first run, so restarting does not move every article in time. */
export async function demoEpoch(db: Kysely<DB>, now = Date.now()): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', EPOCH_KEY).executeTakeFirst();
  if (row) return Number(row.value);
  await db
    .insertInto('meta')
    .values({ key: EPOCH_KEY, value: String(now) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return Number(
    (await db.selectFrom('meta').select('value').where('key', '=', EPOCH_KEY).executeTakeFirstOrThrow()).value,
  );
}

export interface DemoAccount {
  role: 'member' | 'editor' | 'admin';
  email: string;
  password: string;
}

export async function installDemo(
  database: Database,
  opts: { baseUrl: string; intervalS: number; now?: number; trialDays?: number },
): Promise<{ created: boolean; publishers: number; feeds: number; accounts: DemoAccount[] }> {
  const db = database.db;
  const now = opts.now ?? Date.now();
  const existing = await db.selectFrom('feeds').select(['id', 'url']).where('is_demo', '=', 1).execute();
  if (existing.length) {
    // The port may have changed since the first run: point the demo feeds at this server.
    for (const f of existing) {
      const url = f.url.replace(/^https?:\/\/[^/]+/, opts.baseUrl);
      if (url !== f.url)
        await db.updateTable('feeds').set({ url, next_fetch_at: now }).where('id', '=', f.id).execute();
    }
    return { created: false, publishers: DEMO_PUBLISHERS.length, feeds: existing.length, accounts: [] };
  }
  const anyPublisher = await db.selectFrom('publishers').select('id').limit(1).executeTakeFirst();
  if (anyPublisher) return { created: false, publishers: 0, feeds: 0, accounts: [] }; // a real install: never mix demo content in
  let feeds = 0;
  for (const p of DEMO_PUBLISHERS) {
    const pub =
      (await getPublisherBySlug(db, p.slug)) ??
      (await createPublisher(
        db,
        {
          slug: p.slug,
          name: p.name,
          homepage: p.homepage,
          description: p.description,
          language: p.language,
          country: p.country,
          sections: p.sections,
          brandColor: p.color,
        },
        now,
      ));
    await addFeed(
      db,
      {
        publisherId: pub.id,
        url: `${opts.baseUrl}/demo/source/${p.slug}/feed`,
        allowPrivate: true,
        isDemo: true,
        intervalS: opts.intervalS,
        fullText: p.summaryOnly ? 'auto' : 'never',
      },
      now,
    );
    feeds++;
  }
  await demoEpoch(db, now);
  // Demo accounts, so a newcomer can see both sides of the paywall in a minute. Random passwords, shown once.
  const accounts: DemoAccount[] = [];
  for (const role of ['member', 'editor', 'admin'] as const) {
    const email = `${role}@demo.masthead.local`;
    if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) continue;
    const password = crypto.randomBytes(9).toString('base64url');
    await createUser(
      db,
      {
        email,
        password,
        role,
        verified: true,
        displayName: `Demo ${role}`,
        trialDays: role === 'member' ? (opts.trialDays ?? 14) : null,
      },
      now,
    );
    accounts.push({ role, email, password });
  }
  return { created: true, publishers: DEMO_PUBLISHERS.length, feeds, accounts };
}
