// Publisher colours, adjusted until they read at WCAG AA (4.5:1) on our light
// and dark backgrounds, so a brand never costs a reader legibility.

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', '').padEnd(6, '0').slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(channels(a)), luminance(channels(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Moves the colour toward black (on light) or white (on dark) until it reaches the ratio. */
export function readableOn(colour: string, background: string, ratio = 4.5): string {
  let c = channels(colour);
  const towards = luminance(channels(background)) > 0.5 ? 0 : 255;
  for (let i = 0; i < 40 && contrast(hex(c), background) < ratio; i++)
    c = c.map((v) => v + (towards - v) * 0.12) as [number, number, number];
  return hex(c);
}

export const LIGHT_BG = '#fbfaf7';
export const DARK_BG = '#141414';

const styles = new Map<string, string>();

/** Inline style for a masthead label: light and dark variants as custom properties (computed once per colour). */
export function brandStyle(colour: string | null): string | undefined {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return undefined;
  let style = styles.get(colour);
  if (style === undefined) {
    style = `--brand:${readableOn(colour, LIGHT_BG)};--brand-dark:${readableOn(colour, DARK_BG)}`;
    if (styles.size < 10_000) styles.set(colour, style);
  }
  return style;
}
