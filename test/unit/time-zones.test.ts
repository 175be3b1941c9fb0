import { describe, expect, it } from 'vitest';
import { customerTimeZone } from '../../shared/domain/time-zones.js';

describe("the customer's time zone from the service address state", () => {
  it('reads the state however it is written', () => {
    expect(customerTimeZone('IL')).toBe('America/Chicago');
    expect(customerTimeZone('il')).toBe('America/Chicago');
    expect(customerTimeZone('Illinois')).toBe('America/Chicago');
    expect(customerTimeZone('CO')).toBe('America/Denver');
    expect(customerTimeZone('Arizona')).toBe('America/Phoenix');
    expect(customerTimeZone('New York')).toBe('America/New_York');
  });
  it('names no zone for an empty or unknown state rather than guessing', () => {
    expect(customerTimeZone('')).toBeNull();
    expect(customerTimeZone('Ontario')).toBeNull();
  });
});
