// masthead refresh [--once] [--feed ID] [--all]: refresh feeds in the
// foreground with a progress bar (a line per cycle when not on a terminal).
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ingestSummary } from '../catalog/feeds.ts';
import { assertSchemaCurrent } from '../db/migrate.ts';
import { runCycle, type CycleTotals } from '../ingest/cycle.ts';
import { bold, dim, green, red, yellow } from './format.ts';
import { withContext } from './run.ts';

export function refreshCommand(): Command {
  return new Command('refresh')
    .description('Fetch due feeds now, in the foreground, with progress; keeps going until stopped unless --once')
    .option('--once', 'one pass, then exit (exit status 1 if any feed failed)')
    .option('--feed <id>', 'only this feed, due or not (implies --once)', (v) => Number.parseInt(v, 10))
    .option('--all', 'every active feed, due or not (implies --once)')
    .action(async (o: { once?: boolean; feed?: number; all?: boolean }) => {
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          const once = o.once || o.feed !== undefined || o.all;
          const controller = new AbortController();
          process.once('SIGINT', () => controller.abort());
          let anyFailed = false;
          do {
            const due =
              o.feed !== undefined
                ? 1
                : o.all
                  ? (await ingestSummary(ctx.database.db)).active
                  : (await ingestSummary(ctx.database.db)).due;
            if (due === 0 && once) {
              process.stdout.write(dim('No feeds are due. Use --all to refresh every feed now.\n'));
              return;
            }
            const totals = await cycleWithProgress(ctx, {
              total: due,
              feedId: o.feed,
              all: o.all,
              signal: controller.signal,
            });
            anyFailed ||= totals.failed > 0;
            if (totals.feeds > 0 || once) printTotals(totals);
            if (!once && !controller.signal.aborted) await new Promise((r) => setTimeout(r, 5000));
          } while (!once && !controller.signal.aborted);
          if (anyFailed) process.exitCode = 1;
        },
        { quiet: true },
      );
    });
}

async function cycleWithProgress(
  ctx: Parameters<Parameters<typeof withContext>[0]>[0],
  o: { total: number; feedId?: number; all?: boolean; signal: AbortSignal },
): Promise<CycleTotals> {
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: ' {bar} {value}/{total} feeds · {articles} new articles · {failed} failed · {feed}',
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(Math.max(o.total, 1), 0, { articles: 0, failed: 0, feed: '' });
  let articles = 0;
  let failed = 0;
  const totals = await runCycle(
    {
      database: ctx.database,
      fetcher: ctx.fetcher,
      log: ctx.log,
      now: Date.now,
      allowPrivate: ctx.config.allowPrivateFeeds,
      bounds: {
        minS: ctx.config.schedule.minIntervalS,
        maxS: ctx.config.schedule.maxIntervalS,
        parkAfter: ctx.config.schedule.parkAfter,
      },
    },
    {
      concurrency: ctx.config.fetch.concurrency,
      feedId: o.feedId,
      all: o.all,
      signal: o.signal,
      onProgress: ({ done, claimed, outcome, feedUrl }) => {
        articles += outcome.newArticles;
        if (outcome.status === 'failed') {
          failed++;
          const line = `${red('failed')} ${feedUrl}: ${outcome.error}${outcome.parked ? yellow(' (parked)') : ''}\n`;
          if (bar) bar.stop();
          process.stderr.write(line);
          if (bar) bar.start(Math.max(o.total, claimed), done, { articles, failed, feed: '' });
        }
        if (bar) {
          if (claimed > bar.getTotal()) bar.setTotal(claimed);
          bar.update(done, { articles, failed, feed: dim(feedUrl.slice(0, 48)) });
        } else if (done % 100 === 0) {
          process.stderr.write(
            `${done}/${Math.max(o.total, claimed)} feeds, ${articles} new articles, ${failed} failed\n`,
          );
        }
      },
    },
  );
  bar?.stop();
  return totals;
}

function printTotals(t: CycleTotals): void {
  const parts = [
    `${bold(String(t.feeds))} feeds in ${(t.elapsedMs / 1000).toFixed(1)} s`,
    green(`${t.newArticles} new articles`) + (t.duplicates ? dim(` (${t.duplicates} syndicated copies)`) : ''),
    `${t.updatedArticles} updated`,
    `${t.notModified} unchanged (304)`,
    t.failed ? red(`${t.failed} failed`) : '0 failed',
  ];
  if (t.parked) parts.push(yellow(`${t.parked} parked`));
  process.stdout.write(parts.join(' · ') + '\n');
}
