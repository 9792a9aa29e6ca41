// Table row types, as Kysely sees them. Conventions, the same on both dialects:
// - ids are integers the database assigns;
// - times are epoch milliseconds (INTEGER / BIGINT), never dialect date types,
//   so rules compare plain numbers;
// - booleans are 0/1 integers;
// - lists and small objects are JSON text.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ArticleEntitiesTable,
  ArticleFeaturesTable,
  ArticleRelatedTable,
  ArticleTopicsTable,
  ClustersTable,
  ThreadsTable,
  CurationQueueTable,
  EditorLogTable,
  EntitiesTable,
  GoodNewsOverridesTable,
  JobLeasesTable,
  PicksTable,
  ReadCountsTable,
  ReadEventsTable,
  ReadSaltsTable,
  TermDfTable,
  TermPostingsTable,
  TopStoriesTable,
} from './schema-curation.ts';
import type { AuditLogTable } from './schema-audit.ts';
import type { MailOutboxTable, ReadNoncesTable, ThrottlesTable } from './schema-ops.ts';

export interface PublishersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  homepage: string | null;
  logo_url: string | null;
  description: string | null;
  language: string | null;
  country: string | null;
  /** JSON array of section slugs */
  sections: string;
  brand_color: string | null;
  /** scrypt hash of the push-API key, null when none issued */
  api_key_hash: string | null;
  /** first characters of the key, shown to operators to tell keys apart */
  api_key_prefix: string | null;
  created_at: number;
}

export type FeedStatus = 'active' | 'parked' | 'disabled';

export interface FeedsTable {
  id: Generated<number>;
  publisher_id: number;
  url: string;
  title: string | null;
  site_url: string | null;
  /** section applied to items that carry none */
  section: string | null;
  /** 'auto' | 'always' | 'never' */
  full_text: string;
  status: FeedStatus;
  /** 1 for feeds that may point at private addresses (the demo source) */
  allow_private: number;
  /** 1 for feeds created by the demo loader */
  is_demo: number;
  etag: string | null;
  last_modified: string | null;
  interval_s: number;
  next_fetch_at: number;
  last_fetch_at: number | null;
  last_success_at: number | null;
  last_new_items_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  consecutive_failures: number;
  /** JSON: { ttlMinutes, skipHours, skipDays } from the last parse */
  hints: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  items_total: number;
  created_at: number;
}

export type ArticleStatus = 'published' | 'withdrawn' | 'hidden';

export interface ArticlesTable {
  id: Generated<number>;
  publisher_id: number;
  feed_id: number | null;
  /** identity within the publisher: feed guid, or "push:<external id>" */
  guid: string;
  /** the publisher's own id for pushed articles */
  external_id: string | null;
  url: string;
  title: string;
  standfirst: string;
  body_html: string;
  body_text: string;
  /** What a reader who may not read the article sees of its body (members/preview.ts), as HTML and as text. */
  preview_html: ColumnType<string, string | undefined, string>;
  preview_text: ColumnType<string, string | undefined, string>;
  /** 'feed' | 'extracted' | 'summary' | 'push' */
  body_source: string;
  section: string | null;
  /** JSON array of strings */
  categories: string;
  language: string | null;
  image_url: string | null;
  image_caption: string | null;
  image_credit: string | null;
  image_width: number | null;
  image_height: number | null;
  word_count: number;
  reading_minutes: number;
  published_at: number;
  updated_at: number | null;
  /** hash of the processed title, text and image: did the article really change? */
  content_hash: string;
  /** hash of the raw feed item: lets a refresh skip items it has already processed */
  source_hash: string | null;
  /** MinHash signature (base64), null for texts too short to sign */
  minhash: string | null;
  /** earlier article this one syndicates (wire copy) */
  duplicate_of: number | null;
  status: ArticleStatus;
  is_free: number;
  created_at: number;
  modified_at: number;
  /** the story cluster this report belongs to (curation) */
  cluster_id: number | null;
  /** when the curation job last analysed it (the queue is curation_queue) */
  curated_at: number | null;
  /** how positive the text reads, -1..1 */
  tone: number | null;
  /** 1 when it belongs in the good-news section (tone and topics, or an editor's say) */
  good_news: Generated<number>;
}

export interface AuthorsTable {
  id: Generated<number>;
  publisher_id: number;
  name: string;
  slug: string;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

/** LSH band keys of article MinHash signatures: candidates for near-duplicates. */
export interface ArticleLshTable {
  band_key: string;
  article_id: number;
  published_at: number;
}

export interface SchemaMigrationsTable {
  id: number;
  name: string;
  applied_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** normalised (case, Gmail dots and +tags): one account and one trial per person */
  email_key: string;
  display_name: string | null;
  password_hash: string;
  /** 'member' | 'editor' | 'publisher' | 'admin' */
  role: string;
  publisher_id: number | null;
  email_verified_at: number | null;
  trial_started_at: number | null;
  trial_ends_at: number | null;
  trial_warned_at: number | null;
  trial_ended_mailed_at: number | null;
  billing_customer_id: string | null;
  created_at: number;
  password_changed_at: number;
}

export interface TrialsUsedTable {
  email_key: string;
  used_at: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
  ip: string | null;
}

export interface UserTokensTable {
  token_hash: string;
  user_id: number;
  /** 'verify' | 'reset' | 'email-change' */
  purpose: string;
  data: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface PlansTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** 'month' | 'year' */
  interval: string;
  price_cents: number;
  currency: string;
  provider_price_id: string | null;
  active: number;
  created_at: number;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  provider: string;
  provider_subscription_id: string;
  plan_id: number | null;
  status: string;
  current_period_end: number;
  cancel_at_period_end: number;
  past_due_since: number | null;
  /** provider's own timestamp of the state we hold: older events never overwrite newer state */
  provider_updated_at: number;
  created_at: number;
}

export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  starts_at: number;
  ends_at: number | null;
  revoked_at: number | null;
  granted_by: number | null;
  note: string | null;
  created_at: number;
}

export interface BillingEventsTable {
  event_id: string;
  provider: string;
  type: string;
  received_at: number;
}

export interface SavedArticlesTable {
  user_id: number;
  article_id: number;
  saved_at: number;
}

export interface ReadingHistoryTable {
  user_id: number;
  article_id: number;
  read_at: number;
}

export interface AllowanceUnlocksTable {
  user_id: number;
  article_id: number;
  /** YYYY-MM */
  month: string;
}

export interface DB {
  clusters: ClustersTable;
  threads: ThreadsTable;
  article_features: ArticleFeaturesTable;
  term_postings: TermPostingsTable;
  term_df: TermDfTable;
  article_topics: ArticleTopicsTable;
  entities: EntitiesTable;
  article_entities: ArticleEntitiesTable;
  article_related: ArticleRelatedTable;
  read_events: ReadEventsTable;
  read_counts: ReadCountsTable;
  read_salts: ReadSaltsTable;
  top_stories: TopStoriesTable;
  picks: PicksTable;
  good_news_overrides: GoodNewsOverridesTable;
  editor_log: EditorLogTable;
  audit_log: AuditLogTable;
  job_leases: JobLeasesTable;
  curation_queue: CurationQueueTable;
  users: UsersTable;
  trials_used: TrialsUsedTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  plans: PlansTable;
  subscriptions: SubscriptionsTable;
  grants: GrantsTable;
  billing_events: BillingEventsTable;
  throttles: ThrottlesTable;
  mail_outbox: MailOutboxTable;
  read_nonces: ReadNoncesTable;
  saved_articles: SavedArticlesTable;
  reading_history: ReadingHistoryTable;
  allowance_unlocks: AllowanceUnlocksTable;
  publishers: PublishersTable;
  feeds: FeedsTable;
  articles: ArticlesTable;
  authors: AuthorsTable;
  article_authors: ArticleAuthorsTable;
  article_lsh: ArticleLshTable;
  schema_migrations: SchemaMigrationsTable;
  meta: MetaTable;
}

export type PublisherRow = Selectable<PublishersTable>;
export type FeedRow = Selectable<FeedsTable>;
export type FeedUpdate = Updateable<FeedsTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type UserRow = Selectable<UsersTable>;
export type PlanRow = Selectable<PlansTable>;
