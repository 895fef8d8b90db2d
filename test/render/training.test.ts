import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { CATALOGUES } from '../../src/messages/all.js';
import { parseExpression } from '../../src/parse/expression.js';
import { PLAIN } from '../../src/render/paint.js';
import { renderTraining, trainingJson } from '../../src/render/training.js';
import { train } from '../../src/train.js';

const LINE = 'loss = (w*1 + b - 3)^2 + (w*2 + b - 5)^2 + (w*3 + b - 7)^2';
const line = (options = {}) => train(parseExpression(LINE, ['w=0', 'b=0']), options);

describe('renderTraining', () => {
  test('how it ended, the start and final values, and the gradient at the end', () => {
    const text = renderTraining(line(), { paint: PLAIN, digits: 6 });
    expect(text.split('\n').slice(0, 9)).toEqual([
      'gradient descent on loss, rate 0.05: 200 epochs (--epochs)',
      '┌──────┬───────┬────────────┬───────────────┐',
      '│ name │ start │      final │   ∂loss/∂name │',
      '├──────┼───────┼────────────┼───────────────┤',
      '│ w    │     0 │    2.00003 │  0.0000206327 │',
      '│ b    │     0 │   0.999935 │ -0.0000469031 │',
      '├──────┼───────┼────────────┼───────────────┤',
      '│ loss │    83 │ 1.82036e-9 │               │',
      '└──────┴───────┴────────────┴───────────────┘',
    ]);
    expect(text).not.toContain('\x1b');
  });

  test('a chart of the output by epoch, on a log scale when it falls by orders of magnitude', () => {
    const text = renderTraining(line(), { paint: PLAIN, digits: 6 });
    const chart = text.slice(text.indexOf('loss by epoch')).trimEnd().split('\n');
    expect(chart[0]).toBe('loss by epoch (log scale)');
    expect(chart[1]).toMatch(/^ +83 ┼╮$/);
    expect(chart.at(-2)).toMatch(/^ +1\.82e-9 ┤ +╰─+$/);
    // 60 columns for 201 epochs, the first and last marked below.
    expect(chart.at(-1)).toBe(`${' '.repeat(11)}0${'200'.padStart(59)}`);
    expect(Math.max(...chart.map((row) => row.length))).toBe(11 + 60);
  });

  test('a short run on a linear scale, one column an epoch', () => {
    const training = train(parseExpression('y = (x - 1)^2', ['x=3']), { epochs: 3 });
    const text = renderTraining(training, { paint: PLAIN, digits: 12 });
    expect(text).toContain('y by epoch\n         4 ┼╮\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe(`${' '.repeat(11)}0  3`);
  });

  test('on a narrow screen the chart takes fewer columns, and the table and the heading fit too', () => {
    for (const words of [undefined, CATALOGUES.ja]) {
      const text = renderTraining(line(), { paint: PLAIN, width: 40, words });
      for (const row of text.split('\n')) expect(stringWidth(row), row).toBeLessThanOrEqual(40);
      // 29 columns for 201 epochs, the first and last marked below.
      expect(text.trimEnd().split('\n').at(-1)).toBe(`${' '.repeat(11)}0${'200'.padStart(28)}`);
    }
  });

  test('an early stop says so', () => {
    const text = renderTraining(line({ epochs: 10_000, tolerance: 1e-9 }), { paint: PLAIN, digits: 6 });
    expect(text.split('\n')[0]).toMatch(/^gradient descent on loss, rate 0\.05: stopped after \d+ epochs: loss changed by no more than 1e-9 \(--tolerance\)$/);
  });

  test('with color, the chart and the table are painted', () => {
    expect(renderTraining(line({ epochs: 5 }), { paint: new Chalk({ level: 1 }), digits: 6 })).toContain('\x1b[32m');
  });
});

describe('trainingJson', () => {
  test('trained inputs, the output at start and end, and the whole history, rounded', () => {
    const document = JSON.parse(trainingJson(line({ epochs: 3 }), 15));
    expect(document).toEqual({
      output: 'loss',
      trained: {
        w: { start: 0, final: expect.any(Number), grad: expect.any(Number) },
        b: { start: 0, final: expect.any(Number), grad: expect.any(Number) },
      },
      value: { start: 83, final: document.history[3] },
      rate: 0.05,
      epochs: 3,
      stopped: 'epochs',
      tolerance: 1e-12,
      history: [83, 36.59, 16.1315, 7.112891],
    });
    expect(Object.keys(document)).toEqual(['output', 'trained', 'value', 'rate', 'epochs', 'stopped', 'tolerance', 'history']);
  });
});
