import { describe, expect, it } from 'vitest';
import { dot, normalise } from '../analysis/terms.ts';
import { continuesStory, DEFAULT_THREAD_RULES } from './cluster-rules.ts';
import { addReport, continuesThread, leadingNames, mergeProfiles, newProfile, THREAD_NAMES } from './thread-rules.ts';

const day = 86_400_000;
const vec = (o: Record<string, number>) => normalise(new Map(Object.entries(o)));
const report = (entities: string[], terms: Record<string, number>, at: number) => ({
  vector: vec(terms),
  entities,
  publishedAt: at,
});

// Three reports of one blaze, each from its own angle: they share the fire and the mill, little else.
const angles = [
  report(
    ['place:kellbridge', 'organisation:ferrow-fire'],
    { fire: 1, mill: 1, crew: 2, ladder: 2, hose: 2, night: 2 },
    0,
  ),
  report(['place:kellbridge', 'person:ana-birch'], { fire: 1, mill: 1, owner: 2, insur: 2, loss: 2, staff: 2 }, day),
  report(
    ['place:kellbridge', 'organisation:kellbridge-council'],
    { fire: 1, mill: 1, road: 2, closur: 2, divers: 2, traffic: 2 },
    2 * day,
  ),
];
const thread = () => angles.slice(1).reduce(addReport, newProfile(7, angles[0]!));

describe('a developing story as a whole', () => {
  it('keeps the mean of its reports, and names weighed by how much each report leads with them', () => {
    const p = thread();
    expect(p).toMatchObject({ id: 7, size: 3, firstAt: 0, lastAt: 2 * day });
    // What every report shares now outweighs what any one report says.
    const w = (t: string) => p.centroid.get(t) ?? 0;
    expect(w('fire')).toBeGreaterThan(w('ladder'));
    expect(w('fire')).toBeGreaterThan(w('road'));
    expect([...p.centroid.values()].reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 6);
    expect(leadingNames(p)[0]).toBe('place:kellbridge');
    expect(p.names.get('place:kellbridge')).toBeCloseTo(3);
    expect(p.names.get('person:ana-birch')).toBeCloseTo(0.5);
  });

  it('a new angle joins the thread when it is about what the reports share, though it is too far from each one', () => {
    const later = report(
      ['place:kellbridge', 'person:tom-okafor'],
      { fire: 1, mill: 1, cause: 2, inquiri: 2, wire: 2, fault: 2 },
      3 * day,
    );
    for (const a of angles) {
      expect(dot(later.vector, a.vector)).toBeLessThan(DEFAULT_THREAD_RULES.minText);
      expect(continuesStory(later, a)).toBe(false);
    }
    expect(continuesThread(later, thread())).toBe(true);
  });

  it('counts every report the same, whatever the order they came in', () => {
    const reversed = angles.slice(0, 2).reverse().reduce(addReport, newProfile(7, angles[2]!));
    for (const [t, w] of thread().centroid) expect(reversed.centroid.get(t)).toBeCloseTo(w, 10);
    const merged = mergeProfiles(
      newProfile(7, angles[0]!),
      angles.slice(2).reduce(addReport, newProfile(8, angles[1]!)),
    );
    for (const [t, w] of thread().centroid) expect(merged.centroid.get(t)).toBeCloseTo(w, 10);
  });

  it('still needs the lead name, related text, and the thread window', () => {
    const p = thread();
    expect(continuesThread(report(['place:saltmere'], { fire: 1, mill: 1 }, 3 * day), p)).toBe(false);
    expect(continuesThread(report(['place:kellbridge'], { regatta: 1, boat: 1 }, 3 * day), p)).toBe(false);
    expect(continuesThread(report(['place:kellbridge'], { fire: 1, mill: 1 }, 2 * day + 31 * day), p)).toBe(false);
    expect(continuesThread(report(['place:kellbridge'], { fire: 1, mill: 1 }, -20 * day), p)).toBe(true);
  });

  it('two threads merge under the kept id, as the sum of all their reports', () => {
    const big = thread();
    const small = newProfile(9, report(['person:ana-birch'], { regatta: 1 }, 10 * day));
    const m = mergeProfiles(big, small);
    expect(m).toMatchObject({ id: 7, size: 4, firstAt: 0, lastAt: 10 * day });
    // The sum of all four reports: the big thread's weight in its terms, the small one's in its own.
    expect(m.sum.get('fire')).toBeCloseTo(big.sum.get('fire')!, 10);
    expect(m.sum.get('regatta')).toBeCloseTo(1, 10);
    expect(m.names.get('person:ana-birch')).toBeCloseTo(1.5);
  });

  it('keeps a bounded number of names', () => {
    const many = Array.from({ length: 40 }, (_, i) => `person:name-${i}`);
    expect(newProfile(1, report(many, { fire: 1 }, 0)).names.size).toBe(THREAD_NAMES);
  });
});
