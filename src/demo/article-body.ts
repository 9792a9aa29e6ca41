// Builds one article's body from an event and an angle: the lead, the facts in
// this newsroom's own order, the quotes, section colour and, for analysis,
// a look at what else is happening in the same place. Paragraphs are HTML,
// escaped here.
import { escapeHtml } from '../analysis/markup.ts';
import { fill, type Angle } from './angles.ts';
import type { DemoEvent } from './events-types.ts';
import { GENERIC } from './prose.ts';
import { pick, shuffled } from './random.ts';

const CONTEXT = [
  'It is not the only story {place} has been following: {other} has also been the talk of the area.',
  'The news comes as {place} is still digesting {other}.',
  'Some residents drew a line between this and {other}, which has kept officials in {place} busy too.',
];

export function buildBody(e: DemoEvent, angle: Angle, r: () => number, neighbours: DemoEvent[]): string[] {
  const facts = shuffled(e.facts, r);
  const generic = shuffled(GENERIC[e.section], r).map((g) => fill(g, e));
  const quote = pick(
    [
      `“${e.quote},” said ${e.who}, ${e.role} at ${e.org}.`,
      `“${e.quote},” ${e.who}, ${e.role} at ${e.org}, told reporters.`,
      `“${e.quote},” ${e.who}, ${e.role} at ${e.org}, said in a statement.`,
    ],
    r() * 3,
  );
  const quoteFirst = `${e.who}, ${e.role} at ${e.org}, said: “${e.quote}.”`;
  const reply = e.reply
    ? r() < 0.5
      ? `${e.reply.who}, ${e.reply.role}, said: “${e.reply.quote}.”`
      : `“${e.reply.quote},” said ${e.reply.who}, ${e.reply.role}.`
    : generic.pop()!;
  const lead = fill(pick(angle.leads, r() * angle.leads.length), e);
  const other = neighbours.length ? neighbours[Math.floor(r() * neighbours.length)] : undefined;
  const context = other ? fill(pick(CONTEXT, r() * CONTEXT.length), e).replace('{other}', other.topic) : generic.pop()!;
  const parts: string[] = [];
  const p = (s: string) => parts.push(`<p>${escapeHtml(s)}</p>`);
  const h = (s: string) => parts.push(`<h2>${escapeHtml(s)}</h2>`);
  p(lead);
  switch (angle.id) {
    case 'explainer':
      h('What happened?');
      p(e.standfirst);
      facts.slice(0, 2).forEach(p);
      h('Why does it matter?');
      facts.slice(2, 4).forEach(p);
      p(quote);
      h('What happens next?');
      facts.slice(4).forEach(p);
      p(generic[0]!);
      break;
    case 'reaction':
    case 'voices':
      p(r() < 0.5 ? quote : quoteFirst);
      p(reply);
      facts.slice(0, 3).forEach(p);
      generic.slice(0, 2).forEach(p);
      break;
    case 'analysis':
    case 'whatnext':
      facts.slice(0, 2).forEach(p);
      p(context);
      p(quoteFirst);
      facts.slice(2, 4).forEach(p);
      p(reply);
      generic.slice(0, angle.id === 'analysis' ? 2 : 1).forEach(p);
      break;
    default:
      facts.slice(0, 3).forEach(p);
      p(quote);
      facts.slice(3, 4 + Math.floor(r() * 3)).forEach(p);
      p(reply);
      generic.slice(0, 1 + Math.floor(r() * 2)).forEach(p);
  }
  return parts;
}
