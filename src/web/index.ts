// Every page of the reader's site, registered in one place (the API is in
// src/api/). Order matters only for the hooks some groups add.
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../http/context.ts';
import { articleRenderer } from './article-view.tsx';
import { accountRoutes } from './routes/account.tsx';
import { adminRoutes } from './routes/admin.tsx';
import { appRoutes } from './routes/app.tsx';
import { articleActionRoutes } from './routes/article-actions.tsx';
import { articleRoutes } from './routes/article.tsx';
import { authRoutes } from './routes/auth.tsx';
import { editorRoutes } from './routes/editor.tsx';
import { emailLinkRoutes } from './routes/email-links.tsx';
import { feedsOutRoutes } from './routes/feeds-out.ts';
import { homeRoutes } from './routes/home.tsx';
import { imageEndpoint } from './routes/images.ts';
import { listRoutes } from './routes/lists.tsx';
import { personalListRoutes } from './routes/personal-lists.tsx';
import { planRoutes } from './routes/plans.tsx';
import { searchRoutes } from './routes/search.tsx';
import { seoRoutes } from './routes/seo.ts';
import { storyRoutes } from './routes/story.tsx';

export async function webRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  const { db, now, lists, accounts, secure, baseUrl } = ctx;
  const trialDays = ctx.config.membership.trialDays;
  await appRoutes(app);
  const images = await imageEndpoint(app, ctx);
  authRoutes(app, { accounts, secure, trialDays });
  emailLinkRoutes(app, { accounts, secure });
  accountRoutes(app, { accounts, now });
  planRoutes(app, { db, billing: ctx.billing, baseUrl, trialDays });
  const view = articleRenderer({
    db,
    lists,
    policy: ctx.policy,
    trialDays,
    baseUrl,
    now,
    history: ctx.history,
    readThresholds: ctx.reads.thresholds,
    images,
  });
  articleRoutes(app, { db, lists, view, reads: ctx.reads });
  articleActionRoutes(app, { db, lists, now });
  personalListRoutes(app, { db, history: ctx.history, now, images });
  feedsOutRoutes(app, { db, baseUrl });
  editorRoutes(app, { db, now, lists });
  await adminRoutes(app, {
    db,
    now,
    lists,
    feedRules: { allowPrivate: ctx.config.allowPrivateFeeds, allowHosts: ctx.config.fetch.allowHosts },
    feedIntervalS: ctx.config.schedule.minIntervalS,
  });
  storyRoutes(app, { db, now, lists, images });
  searchRoutes(app, { database: ctx.database, policy: ctx.policy, now, lists });
  seoRoutes(app, { database: ctx.database, baseUrl });
  listRoutes(app, { database: ctx.database, now, baseUrl, lists, images });
  homeRoutes(app, { database: ctx.database, now, lists, images });
}
