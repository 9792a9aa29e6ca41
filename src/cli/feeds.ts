// masthead feeds add | import | list | check | enable | disable | remove
import fs from 'node:fs/promises';
import { Command, Option } from 'commander';
import { addPublisher, changeFeedStatus, registerFeed } from '../catalog/commands.ts';
import { feedHealth, listFeeds, removeFeed } from '../catalog/feeds.ts';
import { parseOpml } from '../catalog/opml.ts';
import { getPublisherBySlug } from '../catalog/publishers.ts';
import { slugify } from '../analysis/slug.ts';
import { assertSchemaCurrent } from '../db/migrate.ts';
import { CheckSourceError, checkFeed } from '../ingest/check.ts';
import { OPERATOR } from '../members/audit.ts';
import { ago, bold, dim, green, red, table, truncate, UsageError, yellow } from './format.ts';
import { withContext } from './run.ts';

const fullTextOption = () =>
  new Option(
    '--full-text <mode>',
    'extract full text from article pages: auto (when the feed has only summaries), always, never',
  )
    .choices(['auto', 'always', 'never'])
    .default('auto');

export function feedsCommand(): Command {
  const cmd = new Command('feeds').description("Add, import, list and check publishers' feeds");

  cmd
    .command('add')
    .description('Register a feed for a publisher')
    .argument('<url>', 'feed URL (RSS, Atom, RDF or JSON Feed)')
    .requiredOption('--publisher <slug>', 'publisher it belongs to')
    .option('--section <name>', 'section for items that carry none')
    .option('--title <text>', "display title (default: the feed's own)")
    .addOption(fullTextOption())
    .action(
      async (
        url: string,
        o: { publisher: string; section?: string; title?: string; fullText: 'auto' | 'always' | 'never' },
      ) => {
        await withContext(
          async (ctx) => {
            await assertSchemaCurrent(ctx.database);
            const p = await getPublisherBySlug(ctx.database.db, o.publisher);
            if (!p)
              throw new UsageError(
                `no publisher "${o.publisher}": add it first with masthead publishers add ${o.publisher} "Name"`,
              );
            const rules = { allowPrivate: ctx.config.allowPrivateFeeds, allowHosts: ctx.config.fetch.allowHosts };
            const input = {
              publisherId: p.id,
              url,
              section: o.section,
              title: o.title,
              fullText: o.fullText,
              intervalS: ctx.config.schedule.minIntervalS,
            };
            const feed = await registerFeed(ctx.database.db, input, rules, OPERATOR, Date.now());
            process.stdout.write(
              `added feed ${feed.id} for ${bold(p.name)}: ${feed.url}\n${dim('it will be fetched on the next refresh cycle (or now: masthead refresh --feed ' + feed.id + ')')}\n`,
            );
          },
          { quiet: true },
        );
      },
    );

  cmd
    .command('import')
    .description('Import feeds from an OPML file; publishers are created from the outlines unless --publisher is given')
    .argument('<file>', 'OPML file')
    .option('--publisher <slug>', 'attach every feed to this publisher')
    .addOption(fullTextOption())
    .action(async (file: string, o: { publisher?: string; fullText: 'auto' | 'always' | 'never' }) => {
      const text = await fs.readFile(file, 'utf8').catch((e: Error) => {
        throw new UsageError(`cannot read ${file}: ${e.message}`);
      });
      const { feeds } = parseOpml(text);
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          const db = ctx.database.db;
          const rules = { allowPrivate: ctx.config.allowPrivateFeeds, allowHosts: ctx.config.fetch.allowHosts };
          const fixed = o.publisher ? await getPublisherBySlug(db, o.publisher) : undefined;
          if (o.publisher && !fixed) throw new UsageError(`no publisher "${o.publisher}"`);
          let added = 0;
          const problems: string[] = [];
          for (const f of feeds) {
            try {
              let publisher = fixed;
              if (!publisher) {
                const name = f.title ?? new URL(f.xmlUrl).hostname;
                const slug = slugify(name, 60);
                publisher =
                  (await getPublisherBySlug(db, slug)) ??
                  (await addPublisher(
                    db,
                    { slug, name, homepage: f.htmlUrl, sections: ['news'] },
                    OPERATOR,
                    Date.now(),
                  ));
              }
              const input = {
                publisherId: publisher.id,
                url: f.xmlUrl,
                title: f.title,
                fullText: o.fullText,
                intervalS: ctx.config.schedule.minIntervalS,
              };
              await registerFeed(db, input, rules, OPERATOR, Date.now());
              added++;
            } catch (err) {
              problems.push(`${f.xmlUrl}: ${(err as Error).message}`);
            }
          }
          process.stdout.write(`${green(`imported ${added} of ${feeds.length} feeds`)} from ${file}\n`);
          for (const p of problems) process.stdout.write(`${yellow('skipped')} ${p}\n`);
        },
        { quiet: true },
      );
    });

  cmd
    .command('list')
    .description('Every feed with its health: last success, failures, next fetch, last error')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      await withContext(
        async (ctx) => {
          const rows = await listFeeds(ctx.database.db);
          if (o.json) {
            process.stdout.write(
              JSON.stringify(
                rows.map(({ lease_owner: _o, lease_until: _u, ...r }) => r),
                null,
                2,
              ) + '\n',
            );
            return;
          }
          if (!rows.length) {
            process.stdout.write(
              'No feeds yet. Add one: masthead feeds add URL --publisher SLUG (or import an OPML file)\n',
            );
            return;
          }
          const now = Date.now();
          const status = (r: (typeof rows)[number]) =>
            ({
              parked: () => red('parked'),
              disabled: () => dim('disabled'),
              failing: () => yellow(`failing×${r.consecutive_failures}`),
              ok: () => green('ok'),
            })[feedHealth(r)]();
          process.stdout.write(
            table(
              ['id', 'publisher', 'status', 'last success', 'next fetch', 'items', 'url / last error'],
              rows.map((r) => [
                String(r.id),
                r.publisher_slug,
                status(r),
                ago(r.last_success_at, now),
                r.status === 'active' ? ago(r.next_fetch_at, now) : '-',
                String(r.items_total),
                r.last_error && r.consecutive_failures > 0
                  ? `${truncate(r.url, 50)} ${red(truncate(r.last_error, 70))}`
                  : truncate(r.url, 90),
              ]),
            ) + '\n',
          );
          const parked = rows.filter((r) => r.status === 'parked');
          if (parked.length)
            process.stdout.write(
              dim(`\n${parked.length} parked after repeated failures; fix the cause, then: masthead feeds enable ID\n`),
            );
        },
        { quiet: true },
      );
    });

  cmd
    .command('check')
    .description('Fetch (or read) and parse one feed; print what would be stored, without storing anything')
    .argument('<url-or-file>')
    .option('--json', 'print the processed articles as JSON')
    .addOption(fullTextOption().default('never'))
    .action(async (source: string, o: { json?: boolean; fullText: 'auto' | 'always' | 'never' }) => {
      await withContext(
        async (ctx) => {
          let report;
          try {
            report = await checkFeed(source, { fetcher: ctx.fetcher, now: Date.now(), fullText: o.fullText });
          } catch (err) {
            // A source error names the source itself; anything else is said of it.
            throw new UsageError(
              err instanceof CheckSourceError ? err.message : `${source}: ${(err as Error).message}`,
            );
          }
          if (o.json) {
            process.stdout.write(JSON.stringify(report, null, 2) + '\n');
            return;
          }
          const f = report.feed;
          process.stdout.write(
            `${bold(f.title ?? '(untitled feed)')} ${dim(`${f.version}${f.language ? `, ${f.language}` : ''}`)}\n`,
          );
          if (report.fetch)
            process.stdout.write(
              dim(
                `${report.fetch.httpStatus} ${report.fetch.finalUrl} · ${report.fetch.bytes} bytes · ${report.fetch.elapsedMs} ms\n`,
              ),
            );
          if (f.bozo) process.stdout.write(`${yellow('not well-formed, recovered:')} ${f.bozoReasons.join('; ')}\n`);
          for (const n of f.notes) process.stdout.write(`${yellow('note:')} ${n}\n`);
          process.stdout.write(
            `${report.articles.length} article${report.articles.length === 1 ? '' : 's'} would be stored${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}\n\n`,
          );
          for (const a of report.articles) {
            process.stdout.write(
              `${bold(a.title)}\n  ${a.url}\n  ${dim(`${new Date(a.publishedAt).toISOString()} · ${a.authors.join(', ') || 'no author'} · ${a.wordCount} words (${a.bodySource}) · ${a.image ? 'image' : 'no image'}`)}\n`,
            );
            // Why the article differs from what the feed said (a date replaced by the fetch time, a field cut to its cap).
            for (const n of a.notes) process.stdout.write(`  ${yellow('note:')} ${n}\n`);
          }
          for (const s of report.skipped)
            process.stdout.write(`${yellow('skipped')} item ${s.index + 1}: ${s.reason}\n`);
        },
        { quiet: true, schema: 'none' },
      );
    });

  for (const [name, status, what] of [
    ['enable', 'active', 'Re-enable a parked or disabled feed (clears its failures and fetches it soon)'],
    ['disable', 'disabled', 'Stop fetching a feed (its articles stay)'],
  ] as const) {
    cmd
      .command(name)
      .description(what)
      .argument('<id>', 'feed id (masthead feeds list)', (v) => Number.parseInt(v, 10))
      .action(async (id: number) => {
        await withContext(
          async (ctx) => {
            const feed = await changeFeedStatus(ctx.database.db, id, status, OPERATOR, Date.now());
            process.stdout.write(`feed ${feed.id} is now ${feed.status}: ${feed.url}\n`);
          },
          { quiet: true },
        );
      });
  }

  cmd
    .command('remove')
    .description('Remove a feed (its articles stay, attributed to the publisher)')
    .argument('<id>', 'feed id', (v) => Number.parseInt(v, 10))
    .action(async (id: number) => {
      await withContext(
        async (ctx) => {
          await removeFeed(ctx.database.db, id);
          process.stdout.write(`removed feed ${id}\n`);
        },
        { quiet: true },
      );
    });
  return cmd;
}
