import { Duration } from 'cdk8s';
import { isGoDuration, parseGoDuration, toGoDuration } from '../../src/model/go-duration';

describe('Go durations', () => {
  test.each([
    [Duration.hours(1), '1h'],
    [Duration.hours(24), '24h'],
    [Duration.days(90), '2160h'],
    [Duration.minutes(90), '1h30m'],
    [Duration.seconds(45), '45s'],
    [Duration.millis(1500), '1s500ms'],
    [Duration.seconds(0), '0s'],
  ])('%p renders as %s', (d, s) => {
    expect(toGoDuration(d)).toBe(s);
    expect(isGoDuration(s)).toBe(true);
    expect(parseGoDuration(s)).toBe(d.toMilliseconds());
  });

  test.each(['1d', '2w', 'PT1H', '1 h', '', 'h', '10'])('%p is not a Go duration', s => {
    expect(isGoDuration(s)).toBe(false);
    expect(parseGoDuration(s)).toBeUndefined();
  });

  test('"0", fractions and negative values parse like time.ParseDuration', () => {
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('-30s')).toBe(-30_000);
    expect(parseGoDuration('300ms')).toBe(300);
  });
});
