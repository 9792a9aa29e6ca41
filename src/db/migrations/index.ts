// Every migration, in order. Append only: add a file and a line, never edit one.
import { initial } from './0001-initial.ts';
import { search } from './0002-search.ts';
import { members } from './0003-members.ts';
import { curation } from './0004-curation.ts';
import { searchRank } from './0005-search-rank.ts';
import { entityTails } from './0006-entity-tails.ts';
import { threads } from './0007-threads.ts';
import { security } from './0008-security.ts';
import { adminAudit } from './0010-admin-audit.ts';
import type { Migration } from './types.ts';

export const migrations: readonly Migration[] = [
  initial,
  search,
  members,
  curation,
  searchRank,
  entityTails,
  threads,
  security,
  adminAudit,
];
