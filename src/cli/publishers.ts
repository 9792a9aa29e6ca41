// masthead publishers add | list | key
import { Command } from 'commander';
import { addPublisher, issuePublisherKey } from '../catalog/commands.ts';
import { getPublisherBySlug, listPublishers, SECTIONS } from '../catalog/publishers.ts';
import { OPERATOR } from '../members/audit.ts';
import { assertSchemaCurrent } from '../db/migrate.ts';
import { bold, dim, table, UsageError } from './format.ts';
import { withContext } from './run.ts';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function publishersCommand(): Command {
  const cmd = new Command('publishers').description('Add and list publishers, issue push-API keys');

  cmd
    .command('add')
    .description('Add a publisher')
    .argument('<slug>', 'short id used in URLs, e.g. harbour-gazette')
    .argument('<name>', 'display name, e.g. "Harbour Gazette"')
    .option('--homepage <url>', "publisher's website")
    .option('--logo <url>', 'logo image URL')
    .option('--language <tag>', 'language tag', 'en')
    .option('--country <code>', 'country code, e.g. GB')
    .option('--sections <list>', `comma-separated sections (${SECTIONS.join(', ')})`, list, ['news'])
    .option('--description <text>', 'one line about the publication')
    .action(
      async (
        slug: string,
        name: string,
        o: {
          homepage?: string;
          logo?: string;
          language?: string;
          country?: string;
          sections: string[];
          description?: string;
        },
      ) => {
        await withContext(
          async (ctx) => {
            await assertSchemaCurrent(ctx.database);
            const input = {
              slug,
              name,
              homepage: o.homepage,
              logoUrl: o.logo,
              language: o.language,
              country: o.country,
              sections: o.sections,
              description: o.description,
            };
            const p = await addPublisher(ctx.database.db, input, OPERATOR, Date.now());
            process.stdout.write(`added publisher ${bold(p.name)} (${p.slug}, id ${p.id})\n`);
            process.stdout.write(dim(`next: masthead feeds add URL --publisher ${p.slug}\n`));
          },
          { quiet: true },
        );
      },
    );

  cmd
    .command('list')
    .description('List publishers')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      await withContext(
        async (ctx) => {
          const rows = await listPublishers(ctx.database.db);
          if (o.json) {
            process.stdout.write(
              JSON.stringify(
                rows.map(({ api_key_hash: _h, ...r }) => ({ ...r, sections: JSON.parse(r.sections) })),
                null,
                2,
              ) + '\n',
            );
            return;
          }
          if (!rows.length) {
            process.stdout.write('No publishers yet. Add one: masthead publishers add SLUG "Name" --homepage URL\n');
            return;
          }
          process.stdout.write(
            table(
              ['id', 'slug', 'name', 'sections', 'homepage', 'api key'],
              rows.map((r) => [
                String(r.id),
                r.slug,
                r.name,
                (JSON.parse(r.sections) as string[]).join(','),
                r.homepage ?? '',
                r.api_key_prefix ? `mh_${r.api_key_prefix}_…` : '-',
              ]),
            ) + '\n',
          );
        },
        { quiet: true },
      );
    });

  cmd
    .command('key')
    .description('Issue a push-API key for a publisher (replaces its previous key; shown once)')
    .argument('<slug>')
    .action(async (slug: string) => {
      await withContext(
        async (ctx) => {
          const p = await getPublisherBySlug(ctx.database.db, slug);
          if (!p) throw new UsageError(`no publisher "${slug}" (masthead publishers list)`);
          const key = await issuePublisherKey(ctx.database.db, p.id, OPERATOR, Date.now());
          process.stdout.write(`${key}\n`);
          process.stderr.write(
            dim(
              `Keep this key secret: it is stored hashed and cannot be shown again.\nUse it as "Authorization: Bearer <key>" with POST /api/v1/publisher/articles.\n`,
            ),
          );
        },
        { quiet: true },
      );
    });
  return cmd;
}
