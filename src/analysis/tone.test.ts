import { describe, expect, it } from 'vitest';
import { isGoodNews, tone } from './tone.ts';

describe('tone', () => {
  it('reads uplifting stories as positive and grim ones as negative', () => {
    const good = tone(
      'Volunteers celebrated as the restored park reopened to families, and the mayor praised a wonderful community effort.',
    );
    const bad = tone(
      'Three people were killed and dozens injured when a fire destroyed the building; police said the attack was a tragedy.',
    );
    expect(good).toBeGreaterThan(0.3);
    expect(bad).toBeLessThan(-0.3);
  });

  it('is zero for neutral or empty text and stays within [-1, 1]', () => {
    expect(tone('')).toBe(0);
    expect(tone('The committee meets on Thursday at the town hall to discuss the timetable.')).toBe(0);
    const extreme = tone('Wonderful, amazing, fantastic, brilliant, superb joy and triumph!'.repeat(20));
    expect(extreme).toBeGreaterThan(0.9);
    expect(extreme).toBeLessThanOrEqual(1);
    expect(tone('Killed, dead, disaster, tragedy, massacre.'.repeat(20))).toBeGreaterThanOrEqual(-1);
  });

  it('handles negation', () => {
    expect(tone('The results were good.')).toBeGreaterThan(0);
    expect(tone('The results were not good.')).toBeLessThan(0);
    expect(tone("The results weren't good at all.")).toBeLessThan(0);
    expect(tone('The patient is not in danger.')).toBeGreaterThan(0);
    expect(tone('No one was hurt in the crash.')).toBeGreaterThan(tone('Two people were hurt in the crash.'));
  });

  it('ends negation at the clause', () => {
    // "not" belongs to the first clause; "great" in the second still counts as positive.
    expect(tone('It was not easy, but the team did a great job.')).toBeGreaterThan(0);
  });

  it('lets intensifiers strengthen the next word', () => {
    expect(tone('The council said the plan was very good news for residents.')).toBeGreaterThan(
      tone('The council said the plan was good news for residents.'),
    );
  });

  it('normalises by length', () => {
    const filler = ' The meeting took place in the main hall on the second floor of the building.'.repeat(10);
    expect(Math.abs(tone('A wonderful day.' + filler))).toBeLessThan(tone('A wonderful day.'));
  });
});

describe('isGoodNews', () => {
  it('needs a tone above the threshold', () => {
    expect(isGoodNews({ tone: 0.5, topics: ['human-interest'] })).toBe(true);
    expect(isGoodNews({ tone: 0.1, topics: ['human-interest'] })).toBe(false);
    expect(isGoodNews({ tone: 0.1, topics: ['human-interest'] }, 0.05)).toBe(true);
    expect(isGoodNews({ tone: -0.4, topics: [] })).toBe(false);
  });

  it('excludes crime, conflict and disaster, and their sub-topics', () => {
    expect(isGoodNews({ tone: 0.8, topics: ['sport', 'crime-law-justice'] })).toBe(false);
    expect(isGoodNews({ tone: 0.8, topics: ['conflict-war-peace/terrorism'] })).toBe(false);
    expect(isGoodNews({ tone: 0.8, topics: ['disaster-accident-emergency'] })).toBe(false);
    expect(isGoodNews({ tone: 0.8, topics: ['crime-law-justice/courts'] })).toBe(false);
    expect(isGoodNews({ tone: 0.8, topics: ['environment', 'science-technology/space'] })).toBe(true);
    // a slug that merely starts with the same letters is not a sub-topic
    expect(isGoodNews({ tone: 0.8, topics: ['crime-law-justice-reform'] })).toBe(true);
  });

  it('works with tone() on invented stories', () => {
    const rescue = 'Firefighters rescued a family from the blaze but two children died in the fire.';
    const garden = 'Pupils planted a beautiful garden and proud parents celebrated with a picnic.';
    expect(isGoodNews({ tone: tone(garden), topics: ['education'] })).toBe(true);
    expect(isGoodNews({ tone: tone(rescue), topics: ['disaster-accident-emergency'] })).toBe(false);
  });
});
