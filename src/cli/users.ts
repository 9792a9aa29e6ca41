// masthead users create | list | grant | end, and masthead plans set | list
import crypto from 'node:crypto';
import { Command } from 'commander';
import { getPublisherBySlug } from '../catalog/publishers.ts';
import { assertSchemaCurrent } from '../db/migrate.ts';
import { createUser } from '../members/accounts.ts';
import { endGrants, grantMembership } from '../members/billing/manual.ts';
import { membershipFacts } from '../members/facts.ts';
import { membershipAt } from '../members/membership.ts';
import { allPlans, savePlan } from '../members/billing/plans.ts';
import { listUsers, userByEmail } from '../members/users.ts';
import { bold, dim, table, UsageError } from './format.ts';
import { withContext } from './run.ts';

const ROLES = ['member', 'editor', 'publisher', 'admin'] as const;

export function randomPassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}

export function usersCommand(): Command {
  const cmd = new Command('users').description(
    'Create accounts (the first admin, editors, publishers) and grant memberships',
  );

  cmd
    .command('create')
    .description('Create an account; prints a generated password unless --password is given')
    .requiredOption('--email <email>')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'member')
    .option('--publisher <slug>', 'for the publisher role: the publisher it belongs to')
    .option('--name <name>', 'display name')
    .option('--password <password>', 'initial password (default: generated and printed once)')
    .action(async (o: { email: string; role: string; publisher?: string; name?: string; password?: string }) => {
      if (!(ROLES as readonly string[]).includes(o.role))
        throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          let publisherId: number | null = null;
          if (o.role === 'publisher') {
            if (!o.publisher) throw new UsageError('the publisher role needs --publisher SLUG');
            const p = await getPublisherBySlug(ctx.database.db, o.publisher);
            if (!p) throw new UsageError(`no publisher "${o.publisher}"`);
            publisherId = p.id;
          }
          const exists = await userByEmail(ctx.database.db, o.email);
          if (exists) throw new UsageError(`an account for ${o.email} already exists`);
          const password = o.password ?? randomPassword();
          const user = await createUser(
            ctx.database.db,
            {
              email: o.email,
              password,
              role: o.role as (typeof ROLES)[number],
              publisherId,
              displayName: o.name,
              verified: true,
              trialDays: null,
            },
            Date.now(),
          ).catch((e: Error) => {
            throw new UsageError(e.message);
          });
          process.stdout.write(`created ${bold(user.role)} ${user.email} (id ${user.id})\n`);
          if (!o.password)
            process.stdout.write(
              `password: ${bold(password)}\n${dim('shown once; they can change it on their account page')}\n`,
            );
        },
        { quiet: true },
      );
    });

  cmd
    .command('list')
    .description('List accounts with their role and membership state')
    .action(async () => {
      await withContext(
        async (ctx) => {
          const users = await listUsers(ctx.database.db);
          const facts = await membershipFacts(
            ctx.database.db,
            users.map((u) => u.id),
          );
          const now = Date.now();
          process.stdout.write(
            table(
              ['id', 'email', 'role', 'membership', 'verified'],
              users.map((u) => {
                const m = membershipAt(facts.get(u.id)!, now, { graceDays: ctx.config.membership.graceDays });
                return [
                  String(u.id),
                  u.email,
                  u.role,
                  m.state + (m.accessUntil ? ` until ${new Date(m.accessUntil).toISOString().slice(0, 10)}` : ''),
                  u.email_verified_at ? 'yes' : 'no',
                ];
              }),
            ) + '\n',
          );
        },
        { quiet: true },
      );
    });

  cmd
    .command('grant')
    .description('Grant a membership (the manual provider, or a complimentary one)')
    .argument('<email>')
    .option('--days <n>', 'length in days (default: until ended)', (v) => Number.parseInt(v, 10))
    .option('--note <text>', 'why, for the record')
    .action(async (email: string, o: { days?: number; note?: string }) => {
      await withContext(
        async (ctx) => {
          const user = await userByEmail(ctx.database.db, email);
          if (!user) throw new UsageError(`no account for ${email}`);
          const now = Date.now();
          await grantMembership(
            ctx.database.db,
            {
              userId: user.id,
              startsAt: now,
              endsAt: o.days ? now + o.days * 86_400_000 : null,
              grantedBy: null,
              note: o.note,
            },
            now,
          );
          process.stdout.write(
            `granted membership to ${user.email}${o.days ? ` for ${o.days} days` : ' until ended'}\n`,
          );
        },
        { quiet: true },
      );
    });

  cmd
    .command('end')
    .description('End every granted membership of an account now')
    .argument('<email>')
    .action(async (email: string) => {
      await withContext(
        async (ctx) => {
          const user = await userByEmail(ctx.database.db, email);
          if (!user) throw new UsageError(`no account for ${email}`);
          const n = await endGrants(ctx.database.db, user.id, Date.now());
          process.stdout.write(`ended ${n} grant${n === 1 ? '' : 's'} for ${user.email}\n`);
        },
        { quiet: true },
      );
    });
  return cmd;
}

export function plansCommand(): Command {
  const cmd = new Command('plans').description('Set the membership plans and prices');
  cmd
    .command('set')
    .description('Create or update a plan')
    .argument('<slug>', 'e.g. monthly, annual')
    .requiredOption('--name <name>')
    .requiredOption('--interval <month|year>')
    .requiredOption('--price <amount>', 'e.g. 9.99', (v) => Math.round(Number.parseFloat(v) * 100))
    .option('--currency <code>', 'ISO currency (default: CURRENCY, EUR unless set)')
    .option('--stripe-price <id>', 'Stripe price id (price_…), for BILLING_PROVIDER=stripe')
    .option('--inactive', 'hide the plan from new members')
    .action(
      async (
        slug: string,
        o: {
          name: string;
          interval: string;
          price: number;
          currency?: string;
          stripePrice?: string;
          inactive?: boolean;
        },
      ) => {
        if (!['month', 'year'].includes(o.interval)) throw new UsageError('--interval must be month or year');
        if (!Number.isFinite(o.price) || o.price < 0) throw new UsageError('--price must be an amount like 9.99');
        await withContext(
          async (ctx) => {
            const currency = (o.currency ?? ctx.config.site.currency).toUpperCase();
            const input = {
              name: o.name,
              interval: o.interval as 'month' | 'year',
              priceCents: o.price,
              currency,
              providerPriceId: o.stripePrice ?? null,
              active: !o.inactive,
            };
            const done = await savePlan(ctx.database.db, slug, input, Date.now());
            process.stdout.write(`${done} plan ${slug}: ${(o.price / 100).toFixed(2)} ${currency} a ${o.interval}\n`);
          },
          { quiet: true },
        );
      },
    );
  cmd
    .command('list')
    .description('List plans')
    .action(async () => {
      await withContext(
        async (ctx) => {
          const plans = await allPlans(ctx.database.db);
          if (!plans.length)
            return void process.stdout.write(
              'No plans yet: masthead plans set monthly --name "Monthly" --interval month --price 9.99\n',
            );
          process.stdout.write(
            table(
              ['slug', 'name', 'price', 'active', 'stripe price'],
              plans.map((p) => [
                p.slug,
                p.name,
                `${(p.price_cents / 100).toFixed(2)} ${p.currency}/${p.interval}`,
                p.active ? 'yes' : 'no',
                p.provider_price_id ?? '-',
              ]),
            ) + '\n',
          );
        },
        { quiet: true },
      );
    });
  return cmd;
}
