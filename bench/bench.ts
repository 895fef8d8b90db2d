/**
 * `npm run bench`: backprop's performance figures, each beside its target with PASS
 * or FAIL. These machines are shared and noisy, so every comparison is measured side by side
 * in one run (A B A B …) and reported as a median. Exits 1 if a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, hessian, parseExpression, parseReceipt, train, type Graph } from '../dist/index.js';
import { multiply } from '../src/tensor.js';
import { hasChromium, launch, NO_CHROMIUM } from '../test/browser.js';

const BIN = fileURLToPath(new URL('../bin/backprop.js', import.meta.url));
const RECEIPT = ['apple=100x2', 'orange=150x3', 'tax=1.1'];
const work = mkdtempSync(join(tmpdir(), 'backprop-bench-'));
let failures = 0;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(figure: string, value: string, target: string, pass: boolean): void {
  if (!pass) failures++;
  console.log(`  ${figure.padEnd(46)} ${value.padStart(14)}   ${target.padEnd(24)} ${pass ? 'PASS' : 'FAIL'}`);
}

const fixed = (x: number, digits = 2) => x.toFixed(digits);

/** Wall time of one run of a command, in milliseconds; stdout is thrown away. */
function timeRun(command: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${command.join(' ')} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

/**
 * Wall seconds and peak memory (MiB) of one run, from GNU time when the machine has it;
 * standard input from the file `input`, if given.
 */
function measure(command: string[], input?: string): { seconds: number; mib: number } {
  const stdin = input === undefined ? 'ignore' : openSync(input, 'r');
  try {
    if (!existsSync('/usr/bin/time')) {
      const started = performance.now();
      const run = spawnSync(command[0], command.slice(1), { stdio: [stdin, 'ignore', 'pipe'] });
      if (run.status !== 0) throw new Error(`${command.join(' ')} exited ${run.status}: ${run.stderr}`);
      return { seconds: (performance.now() - started) / 1000, mib: NaN };
    }
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command.join(' ')} exited ${run.status}: ${run.stderr}`);
    const [seconds, kib] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return { seconds, mib: kib / 1024 };
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
  }
}

function startUp(): void {
  console.log('1. Start-up: wall time against `node -e 0`, medians of pairs run in turn');
  const floor = ['node', '-e', '0'];
  const forms = { json: [BIN, ...RECEIPT, '--json'], table: [BIN, ...RECEIPT], svg: [BIN, ...RECEIPT, '--format', 'svg'] };
  for (let i = 0; i < 5; i++) Object.values(forms).forEach(timeRun); // warm the file cache
  const ratios: Record<string, number[]> = { json: [], table: [], svg: [] };
  const floors: number[] = [];
  for (let round = 0; round < 40; round++) {
    for (const [form, command] of Object.entries(forms)) {
      // A picture takes a tenth of a second more: fewer rounds of it tell as much.
      if (form === 'svg' && round % 4 !== 0) continue;
      const base = timeRun(floor);
      floors.push(base);
      ratios[form].push(timeRun(command) / base);
    }
  }
  console.log(`  (node -e 0 takes ${fixed(median(floors), 1)} ms here)`);
  report('backprop <receipt> --json / node -e 0', `${fixed(median(ratios.json))}×`, '≤ 1.15×', median(ratios.json) <= 1.15);
  report('backprop <receipt> (table) / node -e 0', `${fixed(median(ratios.table))}×`, '≤ 1.15×', median(ratios.table) <= 1.15);
  report('backprop <receipt> --format svg / node -e 0', `${fixed(median(ratios.svg))}×`, '(reported)', true);
  graphviz();
}

/**
 * Where a picture's start goes: Graphviz, compiled to WebAssembly, is a 1.2 MB module whose
 * binary is a string in its JavaScript. Each part is timed in a fresh process on the receipt's
 * DOT, medians of 10: loading the module, compiling its WebAssembly, the first layout, and a
 * second one, which shows what of the first is Graphviz warming up. A cache could spare at most
 * the loading and the compiling: Node 20 keeps neither between runs (v8.serialize of a compiled
 * WebAssembly module does not read back, and it has no code cache for a required module).
 */
function graphviz(): void {
  const script = `
    const { renderDot, evaluate, parseReceipt } = await import('./dist/index.js');
    const dot = renderDot(evaluate(parseReceipt(${JSON.stringify(RECEIPT)})), 6);
    const times = [performance.now()];
    const viz = await import('@viz-js/viz');
    times.push(performance.now());
    const instance = await viz.instance();
    times.push(performance.now());
    for (let i = 0; i < 2; i++) {
      instance.renderString(dot, { format: 'svg' });
      times.push(performance.now());
    }
    console.log(JSON.stringify(times.slice(1).map((time, i) => time - times[i])));`;
  const parts: number[][] = [[], [], [], []];
  for (let run = 0; run < 10; run++) {
    const { stdout } = spawnSync('node', ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
    (JSON.parse(stdout) as number[]).forEach((ms, i) => parts[i].push(ms));
  }
  const [load, compile, first, second] = parts.map((ms) => fixed(median(ms), 1));
  console.log(`  (Graphviz on the receipt: loading its module ${load} ms, compiling its WebAssembly ${compile} ms,`);
  console.log(`   the first layout ${first} ms, a second one ${second} ms)`);
}

function engine(): void {
  console.log('2. Engine: a receipt of 10^6 items (2·10^6 inputs) through the library, in doubles and exactly');
  const words = Array.from({ length: 1_000_000 }, (_, i) => `item${i}=${(i % 97) + 0.5}x${(i % 7) + 1}`);
  words.push('tax=1.1');
  const time = (work: () => void) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  /** Medians of 15 forward passes, of 15 forward and backward passes, and of their ratios, one graph at a time. */
  const passes = (float: boolean) => {
    const program = parseReceipt(words, { float });
    const { graph, output } = program;
    evaluate(program); // warm up, and check that it is finite
    // Building the receipt left a heap of garbage: collect it now rather than while timing.
    globalThis.gc?.();
    const [forward, both]: number[][] = [[], []];
    for (let round = 0; round < 15; round++) {
      forward.push(time(() => graph.forward()));
      both.push(
        time(() => {
          graph.forward();
          graph.backward(output);
        }),
      );
    }
    // The ratio of each round's pair, as start-up's: a round the shared machine slows slows both.
    return { nodes: graph.size, forward: median(forward), both: median(both), ratio: median(both.map((ms, i) => ms / forward[i])) };
  };
  const doubles = passes(true);
  const exact = passes(false);
  console.log(`  (${doubles.nodes} nodes in doubles (--float): forward ${fixed(doubles.forward, 1)} ms, forward+backward ${fixed(doubles.both, 1)} ms)`);
  console.log(`  (exactly, the default: forward ${fixed(exact.forward, 1)} ms, forward+backward ${fixed(exact.both, 1)} ms)`);
  report('forward+backward / forward, doubles', `${fixed(doubles.ratio)}×`, '≤ 3×', doubles.ratio <= 3);
  report('forward+backward per node, doubles', `${fixed((doubles.both * 1e6) / doubles.nodes, 1)} ns`, '(reported)', true);
  report('forward+backward, exact / doubles', `${fixed(exact.both / doubles.both)}×`, '(reported; end to end: section 9)', true);
}

/** A program of n items: one line per input, then price = (p0*q0 + p1*q1 + …) * tax. */
function writeProgram(n: number): string {
  const file = join(work, `receipt-${n}.txt`);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`p${i} = ${(i % 97) + 0.5}`, `q${i} = ${(i % 7) + 1}`);
  const terms = Array.from({ length: n }, (_, i) => `p${i}*q${i}`);
  writeFileSync(file, `${lines.join('\n')}\ntax = 1.1\nprice = (${terms.join(' + ')}) * tax\n`);
  return file;
}

function endToEnd(): void {
  console.log('3. End to end: backprop -f FILE --json > /dev/null, medians');
  const runs = { 10_000: 5, 100_000: 5, 1_000_000: 3 };
  const seconds: Record<number, number> = {};
  let peak = NaN;
  for (const [size, count] of Object.entries(runs)) {
    const n = Number(size);
    const file = writeProgram(n);
    const results = Array.from({ length: count }, () => measure([BIN, '-f', file, '--json']));
    seconds[n] = median(results.map((r) => r.seconds));
    peak = median(results.map((r) => r.mib));
    console.log(`  (N = ${n}: ${fixed(seconds[n])} s, peak ${fixed(peak, 0)} MiB)`);
  }
  const growth = seconds[1_000_000] / seconds[100_000];
  report('t(10^6) / t(10^5)', `${fixed(growth, 1)}`, '≤ 12 (linear)', growth <= 12);
  report('peak memory at 10^6', `${fixed(peak, 0)} MiB`, '≤ 500 MB', peak * 1.048576 <= 500);
}

function depth(): void {
  console.log('4. Depth');
  const n = 1_000_000;
  const file = join(work, 'chain.txt');
  const lines = ['s0 = 0'];
  for (let i = 1; i <= n; i++) lines.push(`p${i} = ${(i % 97) + 0.5}`, `q${i} = ${(i % 7) + 1}`);
  for (let i = 1; i <= n; i++) lines.push(`s${i} = s${i - 1} + p${i}*q${i}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const chain = spawnSync(BIN, ['-f', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const document = chain.status === 0 ? JSON.parse(chain.stdout) : undefined;
  // s_n = Σ p_i·q_i, so ∂s_n/∂p_1 = q_1 = 2 and ∂s_n/∂q_n = p_n.
  const right = document?.gradients.p1 === 2 && document?.gradients[`q${n}`] === (n % 97) + 0.5;
  report('10^6 chained statements, forward+backward', chain.status === 0 ? 'ran' : `status ${chain.status}`, 'runs, gradients right', right);

  const nested = (levels: number) => `${'('.repeat(levels)}x${')'.repeat(levels)}`;
  // Through standard input: a command-line argument cannot be this long.
  const deep = spawnSync(BIN, ['-f', '-', 'x=2', '--json'], { input: nested(10_000), encoding: 'utf8' });
  report('parentheses nested 10^4 deep', deep.status === 0 ? `= ${JSON.parse(deep.stdout).value}` : `status ${deep.status}`, 'parses', deep.status === 0);
  const deeper = spawnSync(BIN, ['-f', '-', 'x=2'], { input: nested(100_000), encoding: 'utf8' });
  const clear = deeper.status === 2 && deeper.stdout === '' && /^error: parentheses nest deeper/.test(deeper.stderr) && !/RangeError|\n\s+at /.test(deeper.stderr);
  report('nested 10^5 deep', `status ${deeper.status}`, 'a clear error, status 2', clear);
}

/** Time of one backprop against central differences (2N forward passes), through the library. */
function numerical(): void {
  console.log('5. Backprop against the numerical gradient (central differences), one gradient of N inputs');
  console.log(`  ${'N inputs'.padStart(10)} ${'backprop'.padStart(12)} ${'numerical'.padStart(12)} ${'ratio'.padStart(10)}`);
  const ratios: number[] = [];
  for (const n of [10, 100, 1000, 10_000]) {
    const words = Array.from({ length: n / 2 }, (_, i) => `item${i}=${(i % 97) + 0.5}x${(i % 7) + 1}`);
    const program = parseReceipt(words);
    const { graph, output } = program;
    const inputs = evaluate(program).inputs;
    const backprop = timed(() => {
      graph.forward();
      graph.backward(output);
    });
    const numeric = timed(() => centralDifferences(graph, inputs, output));
    ratios.push(numeric / backprop);
    const ms = (x: number) => `${x < 10 ? x.toPrecision(2) : fixed(x, 0)} ms`.padStart(12);
    console.log(`  ${String(n).padStart(10)} ${ms(backprop)} ${ms(numeric)} ${`${fixed(numeric / backprop, 0)}×`.padStart(10)}`);
  }
  const grows = ratios.every((ratio, i) => i < 2 || ratio > ratios[i - 1]);
  const faster = ratios.every((ratio) => ratio > 1);
  report('numerical / backprop', `${fixed(ratios.at(-1)! / ratios[1], 0)}× more at 10^4 than 10^2`, 'grows with N', grows && faster);
}

/** --train's loop against the bare passes it is made of, on one graph of about 100 nodes, in turn. */
function training(): void {
  console.log('6. Training: 10^4 epochs of gradient descent on a graph of 100 nodes, medians of runs in turn');
  // 13 squared errors of a line, 7 nodes each, the 12 additions between them, and w and b.
  const terms = Array.from({ length: 13 }, (_, i) => `(w*${i % 5} + b - ${2 * (i % 5) + 1})^2`);
  const source = `loss = ${terms.join(' + ')}`;
  const program = () => parseExpression(source, ['w=0', 'b=0']);
  const epochs = 10_000;
  // Training computes in doubles (train() turns exactness off): so do the bare passes it is set beside.
  const { graph, output } = parseExpression(source, ['w=0', 'b=0'], { float: true });
  const time = (work: () => void) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  let ran = 0;
  const trained: number[] = [];
  const passes: number[] = [];
  for (let round = 0; round < 15; round++) {
    trained.push(time(() => (ran = train(program(), { rate: 1e-4, epochs, tolerance: 0 }).epochs)));
    passes.push(
      time(() => {
        for (let epoch = 0; epoch < epochs; epoch++) {
          graph.forward();
          graph.backward(output);
        }
      }),
    );
  }
  const [train10k, bare] = [median(trained), median(passes)];
  console.log(`  (${graph.size} nodes, ${ran} epochs: ${fixed(train10k, 1)} ms; as many forward+backward passes alone: ${fixed(bare, 1)} ms)`);
  report('10^4 epochs', `${fixed(train10k, 1)} ms`, '≤ 500 ms', train10k <= 500 && ran === epochs);
  report('10^4 epochs / 10^4 bare passes', `${fixed(train10k / bare)}×`, '≤ 1.5×', train10k / bare <= 1.5);
}

/** The median time of `work` in milliseconds, over runs enough to fill a quarter second (at least 3, after one to warm up). */
function timed(work: () => void): number {
  work();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 3 || performance.now() - started < 250) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

function centralDifferences(graph: Graph, inputs: number[], output: number): number[] {
  return inputs.map((input) => {
    const x = graph.value(input);
    const h = 1e-4 * Math.max(1, Math.abs(x));
    graph.setValue(input, x + h);
    graph.forward();
    const plus = graph.value(output);
    graph.setValue(input, x - h);
    graph.forward();
    const minus = graph.value(output);
    graph.setValue(input, x);
    return (plus - minus) / (2 * h);
  });
}

/**
 * The --format html page in headless Chromium: its size for the receipt, and on a graph of
 * about a thousand nodes the time from a change of an input to every number written and the
 * page laid out again, measured in the page.
 */
async function page(): Promise<void> {
  console.log('7. The live page (--format html) in Chromium');
  if (!hasChromium) {
    console.log(`  ${NO_CHROMIUM}`);
    return;
  }
  const html = (args: string[]) => {
    const run = spawnSync(BIN, [...args, '--format', 'html'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout;
  };
  const receipt = Buffer.byteLength(html(RECEIPT));
  report('page size, the receipt', `${fixed(receipt / 1024, 1)} KiB`, '≤ 1 MB', receipt <= 1e6);
  const terms = 200;
  const program = `loss = (${Array.from({ length: terms }, (_, i) => `w${i}*sigmoid(x${i})`).join(' + ')})^2`;
  const values = Array.from({ length: terms }, (_, i) => [`w${i}=${(i % 7) - 3}`, `x${i}=${(i % 5) / 4}`]).flat();
  const browser = await launch();
  try {
    const { page, errors } = await browser.open(html([program, ...values]));
    const { nodes, times } = await page.evaluate(async () => {
      const slider = document.querySelector<HTMLInputElement>('input[type="range"][data-input="x0"]')!;
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        slider.value = String(i % 2 === 0 ? 0.5 : -0.5);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        void document.body.offsetHeight; // style and layout, done now rather than at the frame
        times.push(performance.now() - started);
        await new Promise(requestAnimationFrame);
      }
      return { nodes: JSON.parse(document.getElementById('backprop-data')!.textContent!).nodes.length as number, times };
    });
    if (errors.length > 0) throw new Error(errors.join('; '));
    console.log(`  (${nodes} nodes, ${2 * terms} inputs; median of 100 changes of a slider)`);
    const time = median(times);
    report('change → all numbers written and laid out', `${fixed(time, 2)} ms`, '≤ 16.7 ms (one frame)', time <= 1000 / 60);
  } finally {
    await browser.close();
  }
}


/** A file of `n` lines of --batch input for the receipt, each giving the apple's price. */
function writeLines(n: number): string {
  const file = join(work, `lines-${n}.jsonl`);
  writeFileSync(file, Array.from({ length: n }, (_, i) => `{"apple": ${100 + (i % 50)}}\n`).join(''));
  return file;
}

function batch(): void {
  console.log('8. --batch: one process for many evaluations of the receipt, runs in turn');
  const lines = 100_000;
  const input = writeLines(lines);
  // Against the batch before its lines were written once and read as bytes (DOUBLES): each
  // round runs a process per evaluation, then DOUBLES's batch, then this one's.
  const before = buildCommit(DOUBLES);
  const perProcess: number[] = [];
  const [then, now]: { seconds: number; mib: number }[][] = [[], []];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 5; i++) perProcess.push(timeRun([BIN, ...RECEIPT, '--json']));
    then.push(measure([before, ...RECEIPT, '--batch'], input));
    now.push(measure([BIN, ...RECEIPT, '--batch'], input));
  }
  const [thenSeconds, nowSeconds] = [then, now].map((runs) => median(runs.map((run) => run.seconds)));
  const perLine = (nowSeconds * 1000) / lines;
  const ratio = median(perProcess) / perLine;
  console.log(`  (one process per evaluation: ${fixed(median(perProcess), 1)} ms; in a batch of ${lines}: ${fixed(perLine * 1000, 1)} µs a line)`);
  report('per evaluation: a process each / --batch', `${fixed(ratio, 0)}×`, '≥ 500×', ratio >= 500);
  console.log(`  (${lines} lines: ${DOUBLES} ${fixed(thenSeconds)} s, now ${fixed(nowSeconds)} s)`);
  report(`--batch per line: ${DOUBLES} / now`, `${fixed(thenSeconds / nowSeconds)}×`, '≥ 1.5×', thenSeconds / nowSeconds >= 1.5);
  // Bounded: the peak a process reports follows V8's sizing of its heap, which grows by its own
  // rules; a heap held to 48 MiB that still answers four times the lines is the proof.
  const small = median(now.map((run) => run.mib));
  const more = writeLines(4 * lines);
  const large = measure([BIN, ...RECEIPT, '--batch'], more).mib;
  console.log(`  (peak memory: ${fixed(small, 0)} MiB for ${lines} lines, ${fixed(large, 0)} MiB for ${4 * lines})`);
  const held = spawnSync('node', ['--max-old-space-size=48', BIN, ...RECEIPT, '--batch', more], { stdio: 'ignore' }).status === 0;
  report(`${4 * lines} lines in a heap of 48 MiB`, held ? 'answered' : 'failed', 'answers all (bounded)', held);
}

/** Version 0.1.0, as released: what the parsing speed-up is measured against. */
const V010 = 'd64ff41974461bf24180912f87fe579347f98938';
/** The last commit that computed in doubles alone: what exact arithmetic's cost is measured against. */
const DOUBLES = 'e7a8f5f';

/**
 * Builds a commit from this repository's history in a temporary clone, with this checkout's
 * node_modules (those commits need nothing they lack), and gives its bin.
 */
function buildCommit(commit: string): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const clone = join(work, commit);
  const bin = join(clone, 'bin', 'backprop.js');
  if (existsSync(bin)) return bin;
  const git = (args: string[], cwd = root) => {
    const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  };
  git(['clone', '--quiet', '--no-checkout', root, clone]);
  git(['checkout', '--quiet', commit], clone);
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  // The live page's script, which later commits bundle from dist: the runs here make no page.
  mkdirSync(join(clone, 'dist'), { recursive: true });
  writeFileSync(join(clone, 'dist', 'live-script.js'), "export default '';\n");
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  const build = spawnSync(esbuild, ['src/main.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--outfile=dist/cli.cjs', '--log-level=warning'], {
    cwd: clone,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building ${commit}: ${build.stderr}`);
  return bin;
}

function versus(): void {
  console.log('9. Input at scale against version 0.1.0 and against doubles alone (built from git): backprop -f FILE --json, 10^6 items, runs in turn');
  const [old, doubles] = [buildCommit(V010), buildCommit(DOUBLES)];
  const file = writeProgram(1_000_000);
  const [then, before, now, float]: { seconds: number; mib: number }[][] = [[], [], [], []];
  // Seven rounds: the exact run sits near its 1.5× bound, and fewer let a busy minute decide.
  for (let round = 0; round < 7; round++) {
    then.push(measure([old, '-f', file, '--json']));
    before.push(measure([doubles, '-f', file, '--json']));
    now.push(measure([BIN, '-f', file, '--json']));
    float.push(measure([BIN, '-f', file, '--json', '--float']));
  }
  const seconds = (runs: { seconds: number }[]) => median(runs.map((run) => run.seconds));
  const peak = (runs: { mib: number }[]) => median(runs.map((run) => run.mib));
  console.log(`  (0.1.0: ${fixed(seconds(then))} s; doubles alone (${DOUBLES}): ${fixed(seconds(before))} s, peak ${fixed(peak(before), 0)} MiB; now, exact: ${fixed(seconds(now))} s, peak ${fixed(peak(now), 0)} MiB; now --float: ${fixed(seconds(float))} s, peak ${fixed(peak(float), 0)} MiB)`);
  // The reading and the passes against 0.1.0, in doubles as 0.1.0 computes; exactness costs what the next line says.
  report('t(0.1.0) / t(now --float) at 10^6 items', `${fixed(seconds(then) / seconds(float))}×`, '≥ 3×', seconds(then) / seconds(float) >= 3);
  report('exact: t(now) / t(doubles alone)', `${fixed(seconds(now) / seconds(before))}×`, '≤ 1.5×', seconds(now) / seconds(before) <= 1.5);
  report('exact: memory now / doubles alone', `${fixed(peak(now) / peak(before))}×`, '≤ 1.5×', peak(now) / peak(before) <= 1.5);
  report('peak memory now at 10^6 items', `${fixed(peak(now), 0)} MiB`, '≤ 500 MB', peak(now) * 1.048576 <= 500);
}

/** Whether Debian's python3-numpy is here, to be measured against. */
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

/**
 * Arrays: the matrix product's speed against the product as written on paper and NumPy's,
 * and the book's two-layer gradient check against the same check written with NumPy.
 */
function arrays(): void {
  console.log('12. Arrays: the matrix product, and the book\'s 784-50-10 gradient check beside NumPy\'s');
  // The book's first layer on a batch of 100: X (100×784) @ W1 (784×50).
  const [m, k, n] = [100, 784, 50];
  const random = (size: number) => Float64Array.from({ length: size }, () => Math.random() - 0.5);
  const [a, b] = [random(m * k), random(k * n)];
  const paper = () => {
    const c = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
      c[i * n + j] = sum;
    }
  };
  const gflops = (milliseconds: number) => (2 * m * k * n) / milliseconds / 1e6;
  const [ours, naive]: number[][] = [[], []];
  for (let round = 0; round < 7; round++) {
    ours.push(timed(() => multiply(a, b, m, k, n)));
    naive.push(timed(paper));
  }
  const numpy = hasNumpy
    ? 1000 * Number(spawnSync('python3', ['-c', `import numpy as np, timeit; a = np.random.rand(${m}, ${k}); b = np.random.rand(${k}, ${n}); print(min(timeit.repeat(lambda: a @ b, number=50, repeat=7)) / 50)`], { encoding: 'utf8' }).stdout)
    : NaN;
  console.log(`  (${m}×${k} @ ${k}×${n}: backprop ${fixed(gflops(median(ours)))} GFLOP/s, as on paper ${fixed(gflops(median(naive)))} GFLOP/s, NumPy ${hasNumpy ? `${fixed(gflops(numpy))} GFLOP/s` : 'not installed'})`);
  report('matrix product X @ W1, one core', `${fixed(gflops(median(ours)))} GFLOP/s`, '≥ 1 GFLOP/s', gflops(median(ours)) >= 1);
  report('matrix product: on paper / backprop', `${fixed(median(naive) / median(ours))}×`, '≥ 2×', median(naive) / median(ours) >= 2);

  const example = fileURLToPath(new URL('../examples/two-layer-net.bp', import.meta.url));
  const script = fileURLToPath(new URL('two-layer-check.py', import.meta.url));
  const [check, reference]: number[][] = [[], []];
  for (let round = 0; round < 3; round++) {
    check.push(timeRun([BIN, '-f', example, '--seed', '1', '--check', '--json']));
    if (hasNumpy) reference.push(timeRun(['python3', script]));
  }
  if (!hasNumpy) {
    console.log(`  (--check of the two-layer net: ${fixed(median(check) / 1000)} s; NumPy not installed: its side skipped)`);
    return;
  }
  const ratio = median(check) / median(reference);
  console.log(`  (--check of examples/two-layer-net.bp: ${fixed(median(check) / 1000)} s; the same check in NumPy: ${fixed(median(reference) / 1000)} s)`);
  report('two-layer --check / NumPy\'s', `${fixed(ratio)}×`, '≤ 2×', ratio <= 2);
}

/** The table printed side by side with --json on the same program: ratios of medians, runs in turn. */
function tables(): void {
  console.log('10. The table against --json on the same program, runs in turn');
  const pairs: [string, string[], number[]][] = [
    ['table', [], [1_000, 10_000, 100_000]],
    ['--all', ['--all'], [1_000, 10_000, 100_000]],
    // --check runs 2 forward passes an input: past a few thousand inputs it is refused.
    ['--check', ['--check'], [1_000]],
  ];
  for (const [view, flags, sizes] of pairs) {
    for (const rows of sizes) {
      const file = writeProgram(rows / 2);
      const text: number[] = [];
      const json: number[] = [];
      for (let run = 0; run < 3; run++) {
        text.push(timeRun([BIN, '-f', file, ...flags]));
        json.push(timeRun([BIN, '-f', file, ...flags, '--json']));
      }
      const ratio = median(text) / median(json);
      report(`${view} / --json, ${rows} rows`, `${fixed(ratio)}×`, '≤ 2×', ratio <= 2);
    }
  }
}

/**
 * The Hessian of N inputs (--order 2) against one backward pass, on a wide program, the sum
 * of the products of neighbours: the gradient built as nodes once, then a backward pass a
 * row. Its cost in backward passes, per input, should stay about constant as N grows.
 */
function hessians(): void {
  console.log('11. The Hessian of N inputs against one backward pass: Σ x_i·x_(i+1), medians');
  console.log(`  ${'N inputs'.padStart(10)} ${'backward'.padStart(12)} ${'Hessian'.padStart(12)} ${'ratio'.padStart(10)} ${'per input'.padStart(10)}`);
  const perInput: number[] = [];
  for (const n of [10, 100, 1000]) {
    const names = Array.from({ length: n }, (_, i) => `x${i}`);
    const source = names.slice(1).map((name, i) => `${names[i]}*${name}`).join(' + ');
    const program = () => parseExpression(source, names.map((name, i) => `${name}=${(i % 7) - 3}`));
    const { graph, output } = program();
    graph.forward();
    const backward = timed(() => graph.backward(output));
    const built = timed(() => hessian(program()));
    const parsed = timed(() => program());
    const whole = built - parsed;
    perInput.push(whole / backward / n);
    const ms = (x: number) => `${x < 10 ? x.toPrecision(2) : fixed(x, 0)} ms`.padStart(12);
    console.log(`  ${String(n).padStart(10)} ${ms(backward)} ${ms(whole)} ${`${fixed(whole / backward, 0)}×`.padStart(10)} ${`${fixed(whole / backward / n, 1)}×`.padStart(10)}`);
  }
  report('Hessian / backward, per input, at N = 1000', `${fixed(perInput.at(-1)!, 1)}×`, '≤ 10× (about N passes)', perInput.at(-1)! <= 10);
}

// `npm run bench -- depth engine` runs only those sections.
const sections = { startUp, engine, endToEnd, depth, numerical, training, page, batch, versus, tables, hessians, arrays };
const chosen = process.argv.slice(2);
const started = performance.now();
try {
  for (const [name, section] of Object.entries(sections)) if (chosen.length === 0 || chosen.includes(name)) await section();
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${failures === 0 ? 'all targets met' : `${failures} target(s) missed`} in ${fixed((performance.now() - started) / 1000, 0)} s`);
process.exitCode = failures === 0 ? 0 : 1;
