// The paywall rule: may this viewer read this article in full, now?
// One pure function; every surface (page, API, feeds, search snippets, share
// previews, offline cache, print) asks it and shows a preview when it says no.
import type { Membership } from './membership.ts';

export type Role = 'member' | 'editor' | 'publisher' | 'admin';

export interface ArticleAccessFacts {
  publisherId: number;
  /** Marked free by an editor or the publisher. */
  isFree: boolean;
  status: string;
}

export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      role: Role;
      /** For the publisher role: the publisher it belongs to. */
      publisherId: number | null;
      membership: Membership;
      /** Articles this account has already unlocked with its monthly allowance this month. */
      allowanceUsed: number;
      /** Has this article already been unlocked by the allowance this month? */
      unlockedThisArticle: boolean;
    };

export type AccessReason =
  'free' | 'member' | 'staff' | 'own-publisher' | 'allowance' | 'unavailable' | 'sign-up' | 'lapsed' | 'allowance-used';

export interface AccessDecision {
  full: boolean;
  reason: AccessReason;
  /** True when reading this article would consume one of the monthly free articles. */
  consumesAllowance?: boolean;
}

export interface AccessPolicy {
  /** Free articles a month for registered non-members (0: none). */
  monthlyAllowance: number;
}

export function canRead(article: ArticleAccessFacts, viewer: Viewer, policy: AccessPolicy): AccessDecision {
  if (article.status !== 'published') return { full: false, reason: 'unavailable' };
  if (article.isFree) return { full: true, reason: 'free' };
  if (viewer.kind === 'anonymous') return { full: false, reason: 'sign-up' };
  if (viewer.role === 'admin' || viewer.role === 'editor') return { full: true, reason: 'staff' };
  if (viewer.role === 'publisher' && viewer.publisherId === article.publisherId)
    return { full: true, reason: 'own-publisher' };
  if (viewer.membership.hasAccess) return { full: true, reason: 'member' };
  if (viewer.unlockedThisArticle) return { full: true, reason: 'allowance' };
  if (policy.monthlyAllowance > viewer.allowanceUsed)
    return { full: true, reason: 'allowance', consumesAllowance: true };
  if (policy.monthlyAllowance > 0) return { full: false, reason: 'allowance-used' };
  return { full: false, reason: viewer.membership.state === 'lapsed' ? 'lapsed' : 'sign-up' };
}
