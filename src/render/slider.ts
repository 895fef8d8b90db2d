/** A slider's span and the size of its steps, as its min, max and step attributes say. */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/**
 * A slider's span around a value: from 0 to twice the value (so the value sits in the middle),
 * or −5 to 5 around 0, in about a hundred steps of a round size, so that the value itself and
 * round numbers near it can be reached.
 */
export function sliderRange(value: number): SliderRange {
  // Twice the largest number is no number: the span then ends at the largest.
  const twice = Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, 2 * value));
  const [min, max] = value === 0 ? [-5, 5] : value > 0 ? [0, twice] : [twice, 0];
  return { min, max, step: stepOf(min, max) };
}

/**
 * The span after a value is typed into the slider's field: the same while the value lies
 * inside it; else, as the value would otherwise sit pinned at an end, grown to take in the
 * span sliderRange gives the value, so that the slider moves both ways from it again.
 */
export function grownRange(range: SliderRange, value: number): SliderRange {
  if (value > range.min && value < range.max) return range;
  const around = sliderRange(value);
  const min = Math.min(range.min, around.min);
  const max = Math.max(range.max, around.max);
  return { min, max, step: stepOf(min, max) };
}

/** A round step, a power of ten, of about a hundredth of the span. */
function stepOf(min: number, max: number): number {
  const step = 10 ** Math.floor(Math.log10((max - min) / 100));
  return Number(step.toPrecision(1));
}
