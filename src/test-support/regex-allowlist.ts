// The regexes allowed to be polynomial (not linear) on a worst-case input, and
// what bounds the input each one ever sees. Everything else in the scanned
// source must be 'safe' for recheck (regex-linearity.test.ts), and the fuzz of
// every feed field (hostile-fields.test.ts) checks at run time that no entry
// here is ever handed more than its maxInput.
//
// Empty today: every regex in the scanned source is linear. An entry needs a
// real bound on its input, checked at run time by the fuzz.

export interface AllowedRegex {
  /** Path from the repository root. */
  file: string;
  /** The pattern exactly as written between the slashes. */
  source: string;
  flags: string;
  /** The longest input it is ever applied to; Infinity when the bound is on the input's shape instead (see `bound`). */
  maxInput: number;
  /** Why its input is bounded. */
  bound: string;
  todo: string;
}

export const ALLOWED_REGEXES: readonly AllowedRegex[] = [];
