import { describe, expect, it } from 'vitest';
import { normalise } from '../analysis/terms.ts';
import {
  chooseCluster,
  clusterScore,
  continuesStory,
  DEFAULT_CLUSTER_RULES,
  entityOverlap,
  inWindow,
} from './cluster-rules.ts';

const H = 3_600_000;
const vec = (o: Record<string, number>) => normalise(new Map(Object.entries(o)));
const cluster = (id: number, centroid: Record<string, number>, at: number, entities: string[] = []) => ({
  id,
  centroid: vec(centroid),
  entities: new Set(entities),
  firstAt: at,
  lastAt: at,
});

describe('story clustering rules', () => {
  it('joins the closest cluster above the threshold', () => {
    const a = { vector: vec({ flood: 3, river: 2, town: 1 }), entities: ['place:york'], publishedAt: 10 * H };
    const chosen = chooseCluster(a, [
      cluster(1, { flood: 3, river: 2, rain: 1 }, 9 * H, ['place:york']),
      cluster(2, { election: 3, vote: 2 }, 9 * H),
    ]);
    expect(chosen?.id).toBe(1);
  });

  it('starts a new story when nothing is close enough', () => {
    const a = { vector: vec({ flood: 1 }), entities: [], publishedAt: 0 };
    expect(chooseCluster(a, [cluster(1, { election: 1, flood: 0.05 }, 0)])).toBeNull();
  });

  it('never joins a cluster outside the time window, however similar', () => {
    const a = { vector: vec({ flood: 1 }), entities: [], publishedAt: 30 * 24 * H };
    expect(chooseCluster(a, [cluster(1, { flood: 1 }, 0)])).toBeNull();
  });

  it('a cluster cannot grow beyond its maximum span', () => {
    const c = { firstAt: 0, lastAt: 4 * 24 * H };
    expect(inWindow(c, 5 * 24 * H, DEFAULT_CLUSTER_RULES)).toBe(true);
    expect(inWindow(c, 5.5 * 24 * H, DEFAULT_CLUSTER_RULES)).toBe(false);
    expect(inWindow(c, -0.5 * 24 * H, DEFAULT_CLUSTER_RULES)).toBe(true);
  });

  it('shared names help only alongside shared text', () => {
    const names = ['person:ada-lovelace', 'org:royal-society'];
    const unrelated = { vector: vec({ football: 1 }), entities: names, publishedAt: 0 };
    expect(clusterScore(unrelated, cluster(1, { poetry: 1 }, 0, names), DEFAULT_CLUSTER_RULES)).toBe(0);
    const close = { vector: vec({ lecture: 1, engine: 1 }), entities: names, publishedAt: 0 };
    const c = cluster(1, { lecture: 1, engine: 1, science: 1 }, 0, names);
    expect(clusterScore(close, c, DEFAULT_CLUSTER_RULES)).toBeGreaterThan(
      clusterScore({ ...close, entities: [] }, c, DEFAULT_CLUSTER_RULES),
    );
  });

  it('a close single member counts even when the centroid has drifted', () => {
    const a = { vector: vec({ strike: 1, rail: 1 }), entities: [], publishedAt: 0, bestMember: new Map([[1, 0.9]]) };
    expect(chooseCluster(a, [cluster(1, { budget: 1 }, 0)])?.id).toBe(1);
  });

  it('entity overlap is relative to the smaller set', () => {
    expect(entityOverlap(['a'], new Set(['a', 'b', 'c']))).toBe(1);
    expect(entityOverlap(['a', 'x'], new Set(['a', 'b']))).toBe(0.5);
    expect(entityOverlap([], new Set(['a']))).toBe(0);
  });
});

describe('developing stories', () => {
  const day = 24 * H;
  const story = (names: string[], words: Record<string, number>, at: number) => ({
    vector: vec(words),
    entities: names,
    publishedAt: at,
  });

  it('a follow-up weeks later continues the story when its lead name and text carry on', () => {
    const first = story(['person:amara-lindqvist', 'place:riverside'], { library: 2, flood: 2, repair: 1 }, 0);
    const later = story(['place:riverside', 'person:amara-lindqvist'], { library: 2, reopen: 1, repair: 1 }, 20 * day);
    expect(continuesStory(first, later)).toBe(true);
  });

  it('the same words are not enough without the lead name, nor the name without related text', () => {
    const first = story(['person:amara-lindqvist'], { library: 2, flood: 2 }, 0);
    expect(continuesStory(first, story(['person:tom-okafor'], { library: 2, flood: 2 }, day))).toBe(false);
    expect(continuesStory(first, story(['person:amara-lindqvist'], { football: 2, transfer: 2 }, day))).toBe(false);
  });

  it('stops after the thread window', () => {
    const first = story(['person:amara-lindqvist'], { library: 2 }, 0);
    expect(continuesStory(first, story(['person:amara-lindqvist'], { library: 2 }, 45 * day))).toBe(false);
  });

  it('links a surname alone to the full name', () => {
    const first = story(['person:lindqvist'], { library: 2, flood: 1 }, 0);
    expect(continuesStory(first, story(['person:amara-lindqvist'], { library: 2, repair: 1 }, day))).toBe(true);
  });
});
