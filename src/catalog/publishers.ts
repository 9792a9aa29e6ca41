// Publishers: the titles whose journalism Masthead carries.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, PublisherRow } from '../db/schema.ts';

export const SECTIONS = ['news', 'politics', 'business', 'culture', 'sport', 'science', 'good-news'] as const;
export type Section = (typeof SECTIONS)[number];

/** Display names, in the order sections appear on the front page and in navigation. */
export const SECTION_NAMES: Record<Section, string> = {
  news: 'News',
  politics: 'Politics',
  business: 'Business',
  culture: 'Culture',
  sport: 'Sport',
  science: 'Science',
  'good-news': 'Good news',
};

export interface PublisherInput {
  slug: string;
  name: string;
  homepage?: string | null;
  logoUrl?: string | null;
  description?: string | null;
  language?: string | null;
  country?: string | null;
  sections?: string[];
  brandColor?: string | null;
}

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function validatePublisher(input: PublisherInput): PublisherInput {
  const problems: string[] = [];
  if (!SLUG.test(input.slug))
    problems.push(`slug "${input.slug}" must be lower-case letters, digits and dashes (e.g. "harbour-gazette")`);
  if (!input.name.trim()) problems.push('name is required');
  if (input.homepage) {
    try {
      const u = new URL(input.homepage);
      if (!/^https?:$/.test(u.protocol)) problems.push('homepage must be an http(s) URL');
    } catch {
      problems.push(`homepage "${input.homepage}" is not a URL`);
    }
  }
  for (const s of input.sections ?? []) {
    if (!(SECTIONS as readonly string[]).includes(s))
      problems.push(`unknown section "${s}" (known: ${SECTIONS.join(', ')})`);
  }
  if (input.language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language))
    problems.push(`language "${input.language}" is not a language tag like "en" or "en-GB"`);
  if (input.brandColor && !/^#[0-9a-f]{6}$/i.test(input.brandColor))
    problems.push(`brand colour "${input.brandColor}" must look like #1f4e79`);
  if (problems.length) throw new CatalogError(problems.join('; '));
  return { ...input, name: input.name.trim() };
}

export async function createPublisher(db: Kysely<DB>, input: PublisherInput, now = Date.now()): Promise<PublisherRow> {
  const p = validatePublisher(input);
  const existing = await getPublisherBySlug(db, p.slug);
  if (existing) throw new CatalogError(`a publisher with slug "${p.slug}" already exists`);
  return db
    .insertInto('publishers')
    .values({
      slug: p.slug,
      ...columnsOf(p),
      api_key_hash: null,
      api_key_prefix: null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The stored form of a publisher's editable details. */
function columnsOf(p: ReturnType<typeof validatePublisher>) {
  return {
    name: p.name,
    homepage: p.homepage ?? null,
    logo_url: p.logoUrl ?? null,
    description: p.description ?? null,
    language: p.language ?? null,
    country: p.country ?? null,
    sections: JSON.stringify(p.sections ?? []),
    brand_color: p.brandColor ?? null,
  };
}

/** Changes a publisher's details (its slug stays: it is in every link to its pages). */
export async function updatePublisher(
  db: Kysely<DB>,
  id: number,
  input: Omit<PublisherInput, 'slug'>,
): Promise<PublisherRow> {
  const existing = await getPublisher(db, id);
  if (!existing) throw new CatalogError(`no publisher with id ${id}`);
  const p = validatePublisher({ ...input, slug: existing.slug });
  return db.updateTable('publishers').set(columnsOf(p)).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function getPublisher(db: Kysely<DB>, id: number): Promise<PublisherRow | undefined> {
  return db.selectFrom('publishers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Published articles per publisher id. */
export async function articleCountsByPublisher(db: Kysely<DB>): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['publisher_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .groupBy('publisher_id')
    .execute();
  return new Map(rows.map((r) => [r.publisher_id, Number(r.n)]));
}

export function getPublisherBySlug(db: Kysely<DB>, slug: string): Promise<PublisherRow | undefined> {
  return db.selectFrom('publishers').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function getPublishersByIds(db: Kysely<DB>, ids: number[]): Promise<PublisherRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('publishers').selectAll().where('id', 'in', ids).execute();
}

export function listPublishers(db: Kysely<DB>): Promise<PublisherRow[]> {
  return db.selectFrom('publishers').selectAll().orderBy('name').execute();
}

// Push-API keys are 32 random bytes: SHA-256 is the right hash for a secret with
// that much entropy (no dictionary to resist), and cheap on every request.
function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

/** Issues a new push-API key (replacing any previous one) and returns it: shown once, stored hashed. */
export async function issueApiKey(db: Kysely<DB>, publisherId: number): Promise<string> {
  const prefix = crypto.randomBytes(4).toString('hex');
  const key = `mh_${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  await db
    .updateTable('publishers')
    .set({ api_key_hash: hashKey(key), api_key_prefix: prefix })
    .where('id', '=', publisherId)
    .execute();
  return key;
}

/** Withdraws a publisher's push-API key: requests with it are refused from now on. */
export async function revokeApiKey(db: Kysely<DB>, publisherId: number): Promise<void> {
  await db
    .updateTable('publishers')
    .set({ api_key_hash: null, api_key_prefix: null })
    .where('id', '=', publisherId)
    .execute();
}

export async function publisherForApiKey(db: Kysely<DB>, key: string): Promise<PublisherRow | undefined> {
  const m = /^mh_([0-9a-f]{8})_[A-Za-z0-9_-]{20,}$/.exec(key);
  if (!m) return undefined;
  const row = await db.selectFrom('publishers').selectAll().where('api_key_prefix', '=', m[1]!).executeTakeFirst();
  if (!row?.api_key_hash) return undefined;
  const a = Buffer.from(row.api_key_hash, 'hex');
  const b = Buffer.from(hashKey(key), 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? row : undefined;
}
