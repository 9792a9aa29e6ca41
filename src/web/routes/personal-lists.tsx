// GET /saved and GET /history: a member's two lists.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { toCards } from '../../catalog/article-pages.ts';
import type { DB } from '../../db/schema.ts';
import type { ImageLinks } from '../../images/links.ts';
import type { ReadingHistory } from '../../members/reading-history.ts';
import { personalListRows, type PersonalList } from '../../members/saved-articles.ts';
import { CardList } from '../views/cards.tsx';
import { page } from '../views/shell.tsx';

const LISTS: Record<PersonalList, { path: string; title: string; empty: string }> = {
  saved: { path: '/saved', title: 'Saved for later', empty: 'Nothing saved yet. Use “Save for later” on any article.' },
  history: { path: '/history', title: 'Reading history', empty: 'Articles you read appear here.' },
};

export function personalListRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; history: ReadingHistory; now: () => number; images?: ImageLinks },
): void {
  const show = (list: PersonalList) =>
    async function showPersonalList(req: FastifyRequest, reply: FastifyReply) {
      const { path, title, empty } = LISTS[list];
      if (!req.account) return reply.redirect(`/signin?next=${path}`, 303);
      if (list === 'history') await deps.history.flush(); // what was just read is listed
      const cards = await toCards(deps.db, await personalListRows(deps.db, req.account.user.id, list, 100));
      const body = page({
        title,
        signedIn: true,
        wide: true,
        images: deps.images,
        children: (
          <>
            <h1>{title}</h1>
            {cards.length ? <CardList cards={cards} now={deps.now()} label={title} /> : <p class="hint">{empty}</p>}
          </>
        ),
      });
      return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(body);
    };
  app.get(LISTS.saved.path, show('saved'));
  app.get(LISTS.history.path, show('history'));
}
