// The command list, light enough to load for `masthead --help`: each entry names a command, says in
// a line what it does, and loads its module only when that command runs (so the help, or one
// command, never loads the server, the parsers and the curation code together).
import type { Command } from 'commander';

interface Entry {
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Record<string, Entry> = {
  start: {
    summary: 'migrate, load demo content on a first run, then serve and ingest (a small install)',
    load: () => import('./run.ts').then((m) => m.startCommand()),
  },
  serve: {
    summary: 'run the web and API server (and ingestion unless --no-ingest)',
    load: () => import('./run.ts').then((m) => m.serveCommand()),
  },
  ingest: {
    summary: 'run ingestion only (run several on PostgreSQL to share the feeds)',
    load: () => import('./run.ts').then((m) => m.ingestCommand()),
  },
  migrate: {
    summary: 'bring the database schema up to date',
    load: () => import('./run.ts').then((m) => m.migrateCommand()),
  },
  publishers: {
    summary: 'add and list publishers, issue push-API keys',
    load: () => import('./publishers.ts').then((m) => m.publishersCommand()),
  },
  feeds: {
    summary: "add, import, list and check publishers' feeds",
    load: () => import('./feeds.ts').then((m) => m.feedsCommand()),
  },
  refresh: {
    summary: 'fetch due feeds now, in the foreground, with progress',
    load: () => import('./refresh.ts').then((m) => m.refreshCommand()),
  },
  curate: {
    summary: 'analyse waiting articles now, then rank top stories',
    load: () => import('./curate.ts').then((m) => m.curateCommand()),
  },
  users: {
    summary: 'create accounts (the first admin, editors, publishers), grant memberships',
    load: () => import('./users.ts').then((m) => m.usersCommand()),
  },
  plans: {
    summary: 'set the membership plans and prices',
    load: () => import('./users.ts').then((m) => m.plansCommand()),
  },
  backup: {
    summary: 'copy the database to a file, safely while Masthead runs',
    load: () => import('./backup.ts').then((m) => m.backupCommand()),
  },
  restore: {
    summary: 'replace the database with a backup (stop Masthead first)',
    load: () => import('./backup.ts').then((m) => m.restoreCommand()),
  },
  cleanup: {
    summary: 'delete expired sessions, tokens, old read events and mail now',
    load: () => import('./cleanup.ts').then((m) => m.cleanupCommand()),
  },
};
