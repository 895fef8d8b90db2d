/// <reference lib="dom" />
/**
 * The script of the page that `--format html` writes, bundled for the browser by the build.
 * It builds the program's graph again from the data in the page, with the same layers and
 * graph as the command line, and on every change of an input runs it forward and backward
 * and writes the new numbers where they are shown.
 */
import { Chalk } from 'chalk';
import { BackpropError } from '../errors.js';
import { formatNumber } from '../numbers.js';
import { evaluate, type Result } from '../result.js';
import { trace } from '../trace.js';
import { programOf, type PageData } from './page-data.js';
import { renderSteps } from './steps.js';

const data = JSON.parse(document.getElementById('backprop-data')!.textContent!) as PageData;
const program = programOf(data);
const { graph } = program;
const number = (x: number) => formatNumber(x, data.digits);
const plain = new Chalk({ level: 0 });

const output = document.querySelector('[data-output]')!;
const failure = document.getElementById('failure')!;
const stepsView = document.getElementById('steps')!;
const rows = [...document.querySelectorAll<HTMLElement>('tr[data-node]')];

// Where each number is shown, found once: an update then only writes text.
const shown = rows.map((row) => ({
  node: Number(row.dataset.node),
  value: row.querySelector('[data-value]'),
  grad: row.querySelector('[data-grad]'),
}));

let result: Result = evaluate(program);
let pointed: number | undefined;

/** Runs the graph again and shows what changed; a math failure is shown, not thrown. */
function update(): void {
  try {
    result = evaluate(program);
  } catch (error) {
    if (!(error instanceof BackpropError)) throw error;
    failure.textContent = `error: ${error.message}`;
    failure.hidden = false;
    document.body.classList.add('failed');
    return;
  }
  failure.hidden = true;
  document.body.classList.remove('failed');
  write(output, number(result.value));
  for (const { node, value, grad } of shown) {
    if (value !== null) write(value, number(graph.value(node)));
    if (grad !== null) write(grad, number(graph.grad(node)));
  }
  if (pointed !== undefined) showSteps(pointed);
}

// Text left as it is costs the browser no layout.
function write(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * The --steps lines that concern a node: where it is computed and sends gradients back, and
 * where the nodes that use it do, which is how its own gradient reaches it.
 */
function showSteps(node: number): void {
  pointed = node;
  const users = new Set<number>();
  for (let at = node + 1; at < graph.size; at++) if (graph.args(at).includes(node)) users.add(at);
  const steps = trace(result).filter((step) => step.node === node || (step.pass !== 'sum' && users.has(step.node)));
  write(stepsView, renderSteps(result, steps, plain, data.digits));
}

for (const row of rows) {
  const node = Number(row.dataset.node);
  for (const event of ['pointerenter', 'focusin', 'click']) row.addEventListener(event, () => showSteps(node));
  const [field, slider] = row.querySelectorAll('input');
  if (field === undefined) continue;
  field.addEventListener('input', () => {
    const x = field.valueAsNumber;
    field.toggleAttribute('aria-invalid', !Number.isFinite(x));
    if (!Number.isFinite(x)) return;
    // A value past the slider's ends moves the end, so that the slider still shows it.
    if (x < Number(slider.min)) slider.min = String(x);
    if (x > Number(slider.max)) slider.max = String(x);
    slider.value = String(x);
    graph.setValue(node, x);
    update();
  });
  slider.addEventListener('input', () => {
    field.value = slider.value;
    field.removeAttribute('aria-invalid');
    graph.setValue(node, slider.valueAsNumber);
    update();
  });
}
