import { describe, expect, it } from 'vitest';
import { aliasTarget, entityTail, sameName, shorterForms } from './name-rules.ts';

describe('names across articles', () => {
  it('knows a surname alone, a thing by another form, and a name whatever kind the scanner gave it', () => {
    expect(sameName('person:lindqvist', 'person:amara-lindqvist')).toBe(true);
    expect(sameName('organisation:nova-x7', 'place:nova-x7')).toBe(true);
    expect(sameName('place:paris', 'person:paris-hilton')).toBe(false);
    expect(sameName('person:amara', 'person:amara-lindqvist')).toBe(false);
    expect(sameName('person:ann-lindqvist', 'person:amara-lindqvist')).toBe(false);
    expect(sameName('thing:nova-x7', 'thing:orbix-nova-x7')).toBe(true);
    expect(sameName('thing:x7', 'thing:nova-x7')).toBe(true);
    expect(sameName('organisation:x7', 'organisation:nova-x7')).toBe(false);
    expect(sameName('organisation:rowing-league', 'organisation:northern-rowing-league')).toBe(false); // generic: many leagues
    expect(sameName('organisation:ministry-of-health', 'organisation:fennick-ministry-of-health')).toBe(false);
    expect(sameName('thing:world-cup', 'thing:rowing-world-cup')).toBe(false); // events: no number, no match
    expect(sameName('organisation:rovers', 'organisation:brackwater-rovers')).toBe(false);
    expect(sameName('place:fennick', 'place:new-fennick')).toBe(false);
  });

  it('gives a bare surname or a thing form the one known entity it names, never a guess', () => {
    expect(aliasTarget('person:lindqvist', ['person:amara-lindqvist'])).toBe('person:amara-lindqvist');
    expect(aliasTarget('person:lindqvist', ['person:amara-lindqvist', 'person:tom-lindqvist'])).toBeNull();
    expect(aliasTarget('person:lindqvist', ['person:lindqvist'])).toBeNull();
    expect(aliasTarget('person:amara-lindqvist', ['person:lindqvist'])).toBeNull();
    expect(aliasTarget('thing:orbix-nova-x7', ['thing:nova-x7', 'thing:zeta-x7'])).toBe('thing:nova-x7');
    expect(aliasTarget('thing:nova-x7', ['thing:orbix-nova-x7'])).toBe('thing:orbix-nova-x7');
    expect(aliasTarget('thing:x7', ['thing:nova-x7', 'thing:zeta-x7'])).toBeNull();
    expect(aliasTarget('organisation:northern-rowing-league', ['organisation:rowing-league'])).toBeNull();
    expect(aliasTarget('organisation:fennick-ministry-of-health', ['organisation:ministry-of-health'])).toBeNull();
    // nested shorter forms: the fullest
    expect(aliasTarget('thing:orbix-nova-x7', ['thing:x7', 'thing:nova-x7'])).toBe('thing:nova-x7');
    expect(aliasTarget('thing:nova-x7', ['thing:x7', 'thing:orbix-nova-x7'])).toBeNull();
    expect(aliasTarget('place:new-fennick', ['place:fennick'])).toBeNull();
  });

  it('lists the shorter forms a name could stand for', () => {
    expect(shorterForms('thing:orbix-nova-x7')).toEqual(['thing:nova-x7', 'thing:x7']);
    expect(shorterForms('organisation:royal-bank-of-fennick')).toEqual([]);
    expect(shorterForms('person:amara-lindqvist')).toEqual([]);
    expect(shorterForms('place:new-fennick')).toEqual([]);
  });

  it('reads the tail of a key', () => {
    expect(entityTail('person:joe-biden')).toBe('biden');
    expect(entityTail('thing:mh370')).toBe('mh370');
  });
});
