// Lead and in-body pictures for the demo, drawn by us as SVG from a seed:
// hills, a skyline, a harbour with boats or an abstract composition, in the
// publisher's colours. 1200×675, stable per id.
import { DEMO_PUBLISHERS } from './publishers.ts';
import { hash, rng } from './random.ts';

export const DEMO_IMAGE_WIDTH = 1200;
export const DEMO_IMAGE_HEIGHT = 675;
const W = DEMO_IMAGE_WIDTH;
const H = DEMO_IMAGE_HEIGHT;

function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v + amount * 255)));
  return `#${((c((n >> 16) & 255) << 16) | (c((n >> 8) & 255) << 8) | c(n & 255)).toString(16).padStart(6, '0')}`;
}

/** The brand colour of the publisher whose article an image id belongs to. */
export function demoImageColor(id: string): string {
  const p = [...DEMO_PUBLISHERS].sort((a, b) => b.slug.length - a.slug.length).find((x) => id.startsWith(`${x.slug}-`));
  return p?.color ?? '#1f4e79';
}

type Draw = (r: () => number, color: string, base: number) => string;

const hills: Draw = (r, color, base) => {
  let d = `M0 ${base}`;
  for (let x = 0; x <= W; x += 100)
    d += ` Q${x + 50} ${Math.round(base - 40 - r() * 90)} ${x + 100} ${Math.round(base - r() * 40)}`;
  return `<path d="${d} L${W} ${H} L0 ${H} Z" fill="${color}"/>`;
};

const skyline: Draw = (r, color, base) => {
  let x = 0;
  let d = `M0 ${H}`;
  const windows: string[] = [];
  while (x < W) {
    const w = 30 + Math.floor(r() * 70);
    const h = 60 + Math.floor(r() * 220);
    d += ` L${x} ${base - h} L${x + w} ${base - h}`;
    for (let i = 0; i < 3; i++)
      if (r() < 0.5)
        windows.push(
          `<rect x="${x + 8 + Math.floor(r() * (w - 20))}" y="${base - h + 15 + Math.floor(r() * (h - 30))}" width="8" height="10" fill="#fff3c4" opacity="0.7"/>`,
        );
    x += w;
  }
  return `<path d="${d} L${W} ${H} Z" fill="${color}"/>${windows.join('')}`;
};

function water(r: () => number, color: string, boats: boolean): string {
  const parts = [`<rect y="${H - 150}" width="${W}" height="150" fill="${shade(color, -0.35)}" opacity="0.9"/>`];
  for (let i = 0; i < 7; i++) {
    const y = H - 140 + i * 20;
    parts.push(
      `<line x1="${Math.round(r() * 600)}" y1="${y}" x2="${Math.round(600 + r() * 600)}" y2="${y}" stroke="#ffffff" stroke-opacity="0.18" stroke-width="2"/>`,
    );
  }
  if (boats) {
    for (let i = 0; i < 1 + Math.floor(r() * 3); i++) {
      const x = Math.round(100 + r() * 950);
      const y = H - 150 + Math.round(r() * 40);
      parts.push(
        `<path d="M${x} ${y} L${x + 90} ${y} L${x + 75} ${y + 18} L${x + 12} ${y + 18} Z" fill="${shade(color, -0.5)}"/><path d="M${x + 45} ${y - 4} L${x + 45} ${y - 80} L${x + 85} ${y - 6} Z" fill="#fdfaf2" opacity="0.9"/>`,
      );
    }
  }
  return parts.join('');
}

function abstract(r: () => number, color: string): string {
  const parts = [`<rect width="${W}" height="${H}" fill="${shade(color, 0.7)}"/>`];
  for (let i = 0; i < 14; i++) {
    const fill = shade(color, -0.3 + r() * 0.8);
    const x = Math.round(r() * W);
    const y = Math.round(r() * H);
    const s = Math.round(40 + r() * 220);
    parts.push(
      r() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${fill}" opacity="0.75"/>`
        : `<rect x="${x - s / 2}" y="${y - s / 2}" width="${s}" height="${Math.round(s * (0.4 + r()))}" fill="${fill}" opacity="0.75" transform="rotate(${Math.round(r() * 90 - 45)} ${x} ${y})"/>`,
    );
  }
  return parts.join('');
}

/** One picture as an SVG document. */
export function renderDemoImage(id: string, color = demoImageColor(id)): string {
  const r = rng(hash(id));
  const kind = Math.floor(r() * 4); // 0 hills, 1 skyline, 2 harbour, 3 abstract
  const parts: string[] = [];
  if (kind === 3) parts.push(abstract(r, color));
  else {
    const dusk = r() < 0.35;
    parts.push(
      `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${dusk ? shade(color, -0.25) : shade(color, 0.55)}"/><stop offset="1" stop-color="${dusk ? '#f2a65a' : shade(color, 0.8)}"/></linearGradient></defs>`,
    );
    parts.push(`<rect width="${W}" height="${H}" fill="url(#s)"/>`);
    parts.push(
      `<circle cx="${Math.round(150 + r() * 900)}" cy="${Math.round(90 + r() * 160)}" r="${Math.round(40 + r() * 50)}" fill="${dusk ? '#ffd9a0' : '#fffbe8'}" opacity="0.9"/>`,
    );
    for (let l = 0; l < 3; l++) {
      const fill = shade(color, -0.05 - l * 0.12);
      parts.push(kind === 1 && l === 1 ? skyline(r, fill, 420) : hills(r, fill, 330 + l * 90));
    }
    if (kind === 2 || r() < 0.4) parts.push(water(r, color, kind === 2));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img">${parts.join('')}</svg>`;
}
