// The admin console's catalogue: publishers and their feeds with health;
// resume, pause or refresh a feed; add a feed (validated as `masthead feeds
// add` is, the refusal of private addresses included); add or edit a publisher.
import { idParams } from '../../http/validate.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addPublisher, changeFeedStatus, editPublisher, refreshFeedNow, registerFeed } from '../../catalog/commands.ts';
import { listFeeds } from '../../catalog/feeds.ts';
import { articleCountsByPublisher, getPublisher, listPublishers } from '../../catalog/publishers.ts';
import { auditActorOf } from '../../http/audit-actor.ts';
import { CatalogPage } from '../views/admin-catalog.tsx';
import { fieldsOf, NEW_PUBLISHER, PublisherPage, type PublisherFields } from '../views/admin-publisher.tsx';
import { backWith, isRefusal, noticeOf, sendAdmin, type AdminDeps } from './admin-kit.tsx';

const NOTICES: Record<string, string> = {
  created: 'Publisher added. Now add its feeds.',
  saved: 'Saved.',
  feed: 'Feed added: it is fetched on the next pass.',
  resumed: 'Feed resumed: failures cleared, fetched on the next pass.',
  paused: 'Feed paused: it is not fetched until resumed. Its articles stay.',
  refresh: 'Feed queued: it is fetched on the next pass.',
};

const field = (max: number) => z.string().trim().max(max).optional().default('');
const publisherForm = z.object({
  slug: field(64),
  name: field(200),
  homepage: field(2000),
  logoUrl: field(2000),
  description: field(500),
  language: field(20),
  country: field(2),
  brandColor: field(7),
  sections: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});
const feedForm = z.object({
  url: z.string().trim().min(1, 'give the feed’s address').max(2000),
  publisher: z.coerce.number().int().positive(),
  title: field(200),
  section: field(40),
  fullText: z.enum(['auto', 'always', 'never']).default('auto'),
  back: z.string().max(2000).optional(),
});
const backForm = z.object({ back: z.string().max(2000).optional() });

const orNull = (s: string) => s || null;
const toInput = (f: PublisherFields) => ({
  name: f.name,
  homepage: orNull(f.homepage),
  logoUrl: orNull(f.logoUrl),
  description: orNull(f.description),
  language: orNull(f.language),
  country: orNull(f.country.toUpperCase()),
  sections: f.sections,
  brandColor: orNull(f.brandColor),
});

export function catalogAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { db, now } = deps;
  const formError = (e: z.ZodError) =>
    `The form is not valid: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`;

  async function catalogPage(req: FastifyRequest, reply: FastifyReply, error?: string) {
    const problemsOnly = (req.query as { show?: unknown }).show === 'problems';
    const [publishers, feeds, articles] = await Promise.all([
      listPublishers(db),
      listFeeds(db),
      articleCountsByPublisher(db),
    ]);
    const view = { publishers, feeds, articles, problemsOnly, now: now(), csrfToken: req.csrfToken };
    const notice = error ? { kind: 'error' as const, text: error } : noticeOf(req, NOTICES);
    return sendAdmin(reply, error ? 400 : 200, 'Publishers & feeds', notice, <CatalogPage {...view} />);
  }

  async function publisherPage(req: FastifyRequest, reply: FastifyReply, typed?: PublisherFields, error?: string) {
    const p = idParams.safeParse(req.params);
    const asked = (req.params as { id?: string }).id;
    const publisher = p.success ? ((await getPublisher(db, p.data.id)) ?? null) : null;
    if ((p.success && !publisher) || (!p.success && asked !== undefined && asked !== 'new'))
      return sendAdmin(reply, 404, 'No such publisher', null, <h1>No such publisher</h1>);
    const feeds = publisher ? (await listFeeds(db)).filter((f) => f.publisher_id === publisher.id) : [];
    const fields = typed ?? (publisher ? fieldsOf(publisher) : NEW_PUBLISHER);
    const view = { publisher, fields, feeds, now: now(), csrfToken: req.csrfToken };
    const notice = error ? { kind: 'error' as const, text: error } : noticeOf(req, NOTICES);
    const title = publisher?.name ?? 'Add a publisher';
    return sendAdmin(reply, error ? 400 : 200, title, notice, <PublisherPage {...view} />);
  }

  const showCatalog = (req: FastifyRequest, reply: FastifyReply) => catalogPage(req, reply);
  const showPublisher = (req: FastifyRequest, reply: FastifyReply) => publisherPage(req, reply);

  async function savePublisher(req: FastifyRequest, reply: FastifyReply) {
    const b = publisherForm.safeParse(req.body);
    if (!b.success) return publisherPage(req, reply, undefined, formError(b.error));
    const p = idParams.safeParse(req.params);
    if (!p.success && (req.params as { id?: string }).id !== undefined) return publisherPage(req, reply);
    try {
      const who = auditActorOf(req);
      const saved = p.success
        ? await editPublisher(db, p.data.id, toInput(b.data), who, now())
        : await addPublisher(db, { ...toInput(b.data), slug: b.data.slug }, who, now());
      deps.lists.clear(); // names and colours show on cached pages
      return reply.redirect(`/admin/publishers/${saved.id}?notice=${p.success ? 'saved' : 'created'}`, 303);
    } catch (err) {
      if (!isRefusal(err)) throw err;
      return publisherPage(req, reply, b.data, err.message);
    }
  }

  async function addFeedToPublisher(req: FastifyRequest, reply: FastifyReply) {
    const b = feedForm.safeParse(req.body);
    if (!b.success) return catalogPage(req, reply, formError(b.error));
    try {
      const input = {
        publisherId: b.data.publisher,
        url: b.data.url,
        title: orNull(b.data.title),
        section: orNull(b.data.section),
        fullText: b.data.fullText,
        intervalS: deps.feedIntervalS,
      };
      await registerFeed(db, input, deps.feedRules, auditActorOf(req), now());
      return reply.redirect(backWith(b.data.back, `/admin/publishers/${b.data.publisher}`, 'feed'), 303);
    } catch (err) {
      if (!isRefusal(err)) throw err;
      return catalogPage(req, reply, `${b.data.url}: ${err.message}`);
    }
  }

  /** Resume, pause or refresh now: one short handler each, over the same steps. */
  const feedAction = (change: (id: number, req: FastifyRequest) => Promise<unknown>, notice: string) =>
    async function feedChange(req: FastifyRequest, reply: FastifyReply) {
      const p = idParams.safeParse(req.params);
      const b = backForm.safeParse(req.body);
      if (!p.success) return catalogPage(req, reply, 'No such feed.');
      try {
        await change(p.data.id, req);
        return reply.redirect(backWith(b.success ? b.data.back : undefined, '/admin', notice), 303);
      } catch (err) {
        if (!isRefusal(err)) throw err;
        return catalogPage(req, reply, err.message);
      }
    };
  const resumeFeed = feedAction((id, req) => changeFeedStatus(db, id, 'active', auditActorOf(req), now()), 'resumed');
  const pauseFeed = feedAction((id, req) => changeFeedStatus(db, id, 'disabled', auditActorOf(req), now()), 'paused');
  const refreshFeed = feedAction((id, req) => refreshFeedNow(db, id, auditActorOf(req), now()), 'refresh');

  app.get('/admin', showCatalog);
  app.get('/admin/publishers/new', showPublisher);
  app.post('/admin/publishers', savePublisher);
  app.get('/admin/publishers/:id', showPublisher);
  app.post('/admin/publishers/:id', savePublisher);
  app.post('/admin/feeds', addFeedToPublisher);
  app.post('/admin/feeds/:id/resume', resumeFeed);
  app.post('/admin/feeds/:id/pause', pauseFeed);
  app.post('/admin/feeds/:id/refresh', refreshFeed);
}
