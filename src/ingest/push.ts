// A publisher's pushed article (the push API), as the ingest path takes it:
// the same processing as a feed item (sanitise last), stored under the
// publisher's own id ("push:<id>"), idempotent on that id.
import crypto from 'node:crypto';
import { z } from 'zod';
import { pushedArticleByExternalId, urlTakenBy, withdrawArticle } from '../catalog/articles.ts';
import type { Database } from '../db/connect.ts';
import type { ArticleRow, PublisherRow } from '../db/schema.ts';
import { recordAudit, type AuditActor } from '../members/audit.ts';
import type { ParsedItem } from './parse/types.ts';
import { processItem } from './process/process-item.ts';
import { storeArticle, type StoreOutcome } from './store-article.ts';

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const pushedArticleSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    url: httpUrl,
    title: z.string().trim().min(1).max(500),
    standfirst: z.string().max(5000).optional(),
    body_html: z.string().min(1).max(2_000_000),
    authors: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    published_at: z.string().datetime({ offset: true }),
    updated_at: z.string().datetime({ offset: true }).optional(),
    section: z.string().max(50).optional(),
    categories: z.array(z.string().max(100)).max(50).default([]),
    language: z.string().max(20).optional(),
    is_free: z.boolean().default(false),
    image: z
      .object({
        url: httpUrl,
        caption: z.string().max(2000).optional(),
        credit: z.string().max(500).optional(),
        width: z.number().int().positive().max(20000).optional(),
        height: z.number().int().positive().max(20000).optional(),
      })
      .optional(),
  })
  .strict();

export type PushedArticle = z.infer<typeof pushedArticleSchema>;

export function pushedToItem(p: PushedArticle): ParsedItem {
  return {
    id: p.id,
    title: p.title,
    link: p.url,
    links: [{ href: p.url, rel: 'alternate' }],
    summary: p.standfirst,
    content: p.body_html,
    published: new Date(p.published_at),
    publishedRaw: p.published_at,
    updated: p.updated_at ? new Date(p.updated_at) : undefined,
    updatedRaw: p.updated_at,
    authors: p.authors.map((name) => ({ name })),
    categories: [...(p.section ? [{ term: p.section }] : []), ...p.categories.map((term) => ({ term }))],
    media: p.image ? [{ ...p.image, medium: 'image', source: 'media:content' as const }] : [],
    language: p.language,
  };
}

export type PushResult =
  | { ok: true; outcome: Exclude<StoreOutcome, 'withdrawn'>; row: ArticleRow }
  | { ok: false; status: 400 | 409; error: string; message: string };

/** Processes and stores a pushed article for its publisher. */
export async function publishPushed(
  database: Database,
  publisher: PublisherRow,
  p: PushedArticle,
  now: number,
): Promise<PushResult> {
  const processed = await processItem(pushedToItem(p), {
    feedUrl: p.url,
    fullText: 'never',
    now,
    feedLanguage: publisher.language ?? undefined,
  });
  if ('skipped' in processed) return { ok: false, status: 400, error: 'invalid_article', message: processed.skipped };
  // One URL, one article: a second id for a URL this publisher already sent is a mistake to report, not a rename.
  const clash = await urlTakenBy(database.db, publisher.id, processed.url, `push:${p.id}`);
  if (clash) {
    const other = clash.external_id ? `your article "${clash.external_id}"` : 'an article from your feed';
    return {
      ok: false,
      status: 409,
      error: 'url_taken',
      message: `The URL ${processed.url} already belongs to ${other}; update that one instead.`,
    };
  }
  const sourceHash = crypto.createHash('sha1').update(JSON.stringify(p)).digest('base64url');
  const outcome = await storeArticle(database, {
    feed: null,
    publisher,
    article: { ...processed, guid: `push:${p.id}` },
    sourceHash,
    now,
    bodySource: 'push',
    externalId: p.id,
    isFree: p.is_free,
  });
  if (outcome === 'withdrawn')
    return {
      ok: false,
      status: 409,
      error: 'withdrawn',
      message: `Article "${p.id}" was withdrawn and cannot be published again under the same id.`,
    };
  const row = await pushedArticleByExternalId(database.db, publisher.id, p.id);
  if (!row) throw new Error(`pushed article "${p.id}" was not stored`);
  return { ok: true, outcome, row };
}

/**
 * Takes a pushed article down (idempotent), with its audit line when `actor`
 * says who asked; null when the publisher has no article with that id.
 */
export async function withdrawPushed(
  database: Database,
  publisherId: number,
  externalId: string,
  now: number,
  actor?: AuditActor,
): Promise<ArticleRow | null> {
  const row = await pushedArticleByExternalId(database.db, publisherId, externalId);
  if (!row) return null;
  if (row.status !== 'withdrawn')
    await database.db.transaction().execute(async (trx) => {
      await withdrawArticle(trx, row.id, now);
      if (actor) {
        const target = { kind: 'article', id: row.id, label: row.title };
        await recordAudit(trx, actor, { action: 'article.takedown', target, details: { externalId } }, now);
      }
    });
  return (await pushedArticleByExternalId(database.db, publisherId, externalId)) ?? null;
}
