// GET /c/:id, a story cluster: "N publishers cover this", the earliest report
// first, then each publisher's angle (headline and standfirst), and the
// people, organisations and places the story is about, and the other
// stories of its developing story (thread).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Card } from '../../catalog/article-pages.ts';
import { clusterPage } from '../../curation/lists.ts';
import type { DB } from '../../db/schema.ts';
import type { ListCache } from '../../http/list-cache.ts';
import type { ImageLinks } from '../../images/links.ts';
import { CardBody, CardList, coverageWords, showingWords, timeAgo } from '../views/cards.tsx';
import { notFoundPage } from '../views/not-found.tsx';
import { page } from '../views/shell.tsx';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

type Story = NonNullable<Awaited<ReturnType<typeof clusterPage>>>;

function Report({ card, now }: { card: Card; now: number }) {
  return (
    <div class="report">
      <CardBody card={card} now={now} />
    </div>
  );
}

function StoryPage({ story: c, now: t }: { story: Story; now: number }) {
  const [first, ...others] = c.reports;
  const shown = showingWords(c.reports.length, c.coverage.reports, 'reports');
  return (
    <div class="article">
      <p class="meta">
        {coverageWords(c.coverage)} · first reported {timeAgo(c.firstAt, t)}
      </p>
      <h1>{first!.title}</h1>
      {c.entities.length > 0 && (
        <p class="tags">
          <span>About</span>
          {c.entities.map((e) => (
            <a href={`/e/${e.slug}`}>{e.name}</a>
          ))}
        </p>
      )}
      {shown && <p class="hint">Each publisher’s first report below: {shown}</p>}
      <h2>First reported</h2>
      <Report card={first!} now={t} />
      {others.length > 0 && (
        <>
          <h2>Each publisher’s angle</h2>
          <ul class="coverage plain">
            {others.map((r) => (
              <li>
                <Report card={r} now={t} />
              </li>
            ))}
          </ul>
        </>
      )}
      {c.thread.length > 0 && (
        <section>
          <h2>Also in this developing story</h2>
          <CardList cards={c.thread} now={t} label="Also in this developing story" />
        </section>
      )}
    </div>
  );
}

export function storyRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; now: () => number; lists: ListCache; images?: ImageLinks },
): void {
  async function showStory(req: FastifyRequest, reply: FastifyReply) {
    const p = params.safeParse(req.params);
    const render = async () => {
      const story = p.success ? await clusterPage(deps.db, p.data.id) : null;
      return (
        story &&
        page({
          title: story.reports[0]!.title,
          signedIn: !!req.account,
          wide: true,
          images: deps.images,
          children: <StoryPage story={story} now={deps.now()} />,
        })
      );
    };
    // Visitors all see the same page: rendered once per interval.
    const html = req.account
      ? await render()
      : await deps.lists.get(`visitor-story:${p.success ? p.data.id : 'none'}`, render);
    if (!html)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(notFoundPage('We could not find that story', !!req.account));
    return reply.type('text/html; charset=utf-8').send(html);
  }
  app.get('/c/:id', showStory);
}
