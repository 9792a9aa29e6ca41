// masthead curate [--rebuild]: run the curation pass now (topics, names,
// story clusters, related stories, good news) over every article waiting for
// it, with a progress bar, then rank top stories. --rebuild forgets all of it
// first and analyses every article again (after an upgrade of the rules).
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { assertSchemaCurrent } from '../db/migrate.ts';
import { forgetCuration } from '../curation/rebuild.ts';
import { runCuration } from '../curation/job.ts';
import { computeTopStories } from '../curation/trending.ts';
import { DEFAULT_TRENDING_RULES } from '../curation/trending-rules.ts';
import { bold, dim } from './format.ts';
import { withContext } from './run.ts';

export function curateCommand(): Command {
  return new Command('curate')
    .description(
      'Analyse waiting articles now: topics, people and places, story clusters, related stories; then rank top stories',
    )
    .option('--rebuild', 'forget every cluster, topic, name and related link and analyse all articles again')
    .action(async (o: { rebuild?: boolean }) => {
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          if (o.rebuild) {
            const n = await forgetCuration(ctx.database.db);
            process.stdout.write(dim(`Forgot the analysis of ${n} articles.\n`));
          }
          const bar = process.stderr.isTTY
            ? new cliProgress.SingleBar(
                {
                  format: ' {bar} {value}/{total} articles · {rate}/s',
                  hideCursor: true,
                  clearOnComplete: true,
                  stream: process.stderr,
                },
                cliProgress.Presets.shades_classic,
              )
            : undefined;
          const started = Date.now();
          let barStarted = false;
          const totals = await runCuration(ctx.database, {
            onProgress: (done, waiting) => {
              if (!bar) return;
              if (!barStarted) {
                bar.start(Math.max(waiting, 1), 0, { rate: 0 });
                barStarted = true;
              }
              bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
            },
          });
          bar?.stop();
          if (totals.skipped) {
            process.stdout.write(
              'Another process is curating right now (it holds the lease); try again when it is done.\n',
            );
            process.exitCode = 1;
            return;
          }
          const top = await computeTopStories(ctx.database.db, Date.now(), {
            ...DEFAULT_TRENDING_RULES,
            halfLifeMs: ctx.config.curation.trendingHalfLifeMs,
          });
          const rate = totals.articles ? ` (${Math.round(totals.articles / (totals.elapsedMs / 1000))}/s)` : '';
          process.stdout.write(
            totals.articles
              ? `${bold(String(totals.articles))} articles analysed${rate}: ${totals.clustersCreated} new stories, ${totals.joined} joined a story. ${top} top stories ranked.\n`
              : `Nothing waiting. ${top} top stories ranked.\n`,
          );
        },
        { quiet: true },
      );
    });
}
