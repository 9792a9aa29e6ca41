// Lead and in-body images for the demo, drawn as SVG from a seed: a sky, a
// sun or moon, layered hills or a skyline, and water, in the publisher's
// colours. 1200×675, small, and ours.
import { hash, rng } from './generate.ts';

function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v + amount * 255)));
  const r = c((n >> 16) & 255);
  const g = c((n >> 8) & 255);
  const b = c(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

export function renderDemoImage(id: string, color = '#1f4e79'): string {
  const r = rng(hash(id));
  const W = 1200;
  const H = 675;
  const dusk = r() < 0.35;
  const sky1 = dusk ? shade(color, -0.25) : shade(color, 0.55);
  const sky2 = dusk ? '#f2a65a' : shade(color, 0.8);
  const parts: string[] = [];
  parts.push(`<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky1}"/><stop offset="1" stop-color="${sky2}"/></linearGradient></defs>`);
  parts.push(`<rect width="${W}" height="${H}" fill="url(#s)"/>`);
  parts.push(`<circle cx="${Math.round(150 + r() * 900)}" cy="${Math.round(90 + r() * 160)}" r="${Math.round(40 + r() * 50)}" fill="${dusk ? '#ffd9a0' : '#fffbe8'}" opacity="0.9"/>`);
  const skyline = r() < 0.45;
  const layers = 3;
  for (let l = 0; l < layers; l++) {
    const base = 330 + l * 90;
    const fill = shade(color, -0.05 - l * 0.12);
    if (skyline && l === 1) {
      let x = 0;
      let d = `M0 ${H}`;
      while (x < W) {
        const w = 30 + Math.floor(r() * 70);
        const h = 60 + Math.floor(r() * 200);
        d += ` L${x} ${base - h} L${x + w} ${base - h}`;
        x += w;
      }
      parts.push(`<path d="${d} L${W} ${H} Z" fill="${fill}"/>`);
      continue;
    }
    let d = `M0 ${base}`;
    for (let x = 0; x <= W; x += 100) d += ` Q${x + 50} ${Math.round(base - 40 - r() * 90)} ${x + 100} ${Math.round(base - r() * 40)}`;
    parts.push(`<path d="${d} L${W} ${H} L0 ${H} Z" fill="${fill}"/>`);
  }
  if (r() < 0.6) {
    parts.push(`<rect y="${H - 120}" width="${W}" height="120" fill="${shade(color, -0.35)}" opacity="0.85"/>`);
    for (let i = 0; i < 6; i++) {
      const y = H - 110 + i * 18;
      parts.push(`<line x1="${Math.round(r() * 600)}" y1="${y}" x2="${Math.round(600 + r() * 600)}" y2="${y}" stroke="#ffffff" stroke-opacity="0.18" stroke-width="2"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img">${parts.join('')}</svg>`;
}
