// Applies the paywall rule to one request: who is asking, what they may see
// of this article. Every surface that shows article text goes through here,
// so the full body never leaves the server for someone who may not read it.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ArticleRow, DB } from '../db/schema.ts';
import { canRead, type AccessDecision, type AccessPolicy } from '../members/access.ts';
import { recordUnlock, unlockedThisMonth } from '../members/allowance.ts';
import { viewerOf } from './session.ts';

export interface Readable {
  decision: AccessDecision;
  /** The HTML this viewer may see: the whole body, or the preview. */
  bodyHtml: string;
  /** Plain text this viewer may see (for snippets, descriptions, API). */
  text: string;
  truncated: boolean;
}

/**
 * The paywall decision for this request, with its side effect: a full read that
 * uses the monthly allowance is recorded here. Callers that cache rendered
 * pages key them by the decision (full or not, and why), never by the viewer.
 */
export async function accessFor(
  db: Kysely<DB>,
  req: FastifyRequest,
  article: ArticleRow,
  policy: AccessPolicy,
  now: number,
): Promise<AccessDecision> {
  let allowanceUsed = 0;
  let unlocked = false;
  const account = req.account;
  if (account && policy.monthlyAllowance > 0 && !account.membership.hasAccess) {
    const ids = await unlockedThisMonth(db, account.user.id, now);
    allowanceUsed = ids.length;
    unlocked = ids.includes(article.id);
  }
  const decision = canRead(
    { publisherId: article.publisher_id, isFree: article.is_free === 1, status: article.status },
    viewerOf(req, allowanceUsed, unlocked),
    policy,
  );
  if (decision.full && decision.consumesAllowance && account) await recordUnlock(db, account.user.id, article.id, now);
  return decision;
}

/** What of this article a viewer with this decision may see. */
export function readableWith(decision: AccessDecision, article: ArticleRow): Readable {
  if (decision.full) return { decision, bodyHtml: article.body_html, text: article.body_text, truncated: false };
  // The preview is cut when the article is written (catalog/articles.ts), never here.
  return {
    decision,
    bodyHtml: article.preview_html,
    text: article.preview_text,
    truncated: article.preview_html.length < article.body_html.length,
  };
}

export async function readableFor(
  db: Kysely<DB>,
  req: FastifyRequest,
  article: ArticleRow,
  policy: AccessPolicy,
  now: number,
): Promise<Readable> {
  return readableWith(await accessFor(db, req, article, policy, now), article);
}
