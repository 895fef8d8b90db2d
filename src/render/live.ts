/// <reference lib="dom" />
/**
 * The script of the page that `--format html` writes, bundled for the browser by the build.
 * It builds the program's graph again from the data in the page, with the same layers and
 * graph as the command line, and on every change of an input runs it forward and backward
 * and writes the new numbers where they are shown.
 */
import { BackpropError } from '../errors.js';
import { label } from '../notation.js';
import { formatNumber } from '../numbers.js';
import { evaluate, type Result } from '../result.js';
import { trace } from '../trace.js';
import { pageText, programOf, type PageData } from './page-data.js';
import { drawn, drawnLines, gradientOf, sharesOf } from './picture.js';
import { grownRange } from './slider.js';
import { renderSteps } from './steps.js';
import { CATALOGUES } from '../messages/all.js';
import { PLAIN } from './paint.js';

const data = JSON.parse(document.getElementById('backprop-data')!.textContent!) as PageData;
const program = programOf(data);
const { graph } = program;
const words = CATALOGUES[data.language];
const number = (x: number) => formatNumber(x, data.digits, words.undefinedNumber);
const drawnNumber = (x: number) => formatNumber(x, data.pictureDigits, words.undefinedNumber);

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

/**
 * A value drawn in the picture, a text element a line (an array's shape and rows): what each
 * shows, and the text drawn before it (`= `, `∂ `).
 */
interface Drawn {
  elements: Element[];
  prefixes: string[];
  current: () => string[];
}
/** The numbers drawn in each group of the picture. */
const drawnIn = new Map<Element, Drawn[]>();
/**
 * The numbers written at each change: at first all of them, then only those of the groups in
 * sight, the others as they come into sight. The picture of a large graph reaches far past
 * the screen, and laying out a thousand texts again would take longer than a frame.
 */
const inSight = new Set<Element>();
const sight = new IntersectionObserver((entries) => {
  for (const { target, isIntersecting } of entries) {
    if (!isIntersecting) inSight.delete(target);
    else if (!inSight.has(target)) {
      inSight.add(target);
      redraw(target);
    }
  }
});

let result: Result = evaluate(program);
findInPicture();
let pointed: number | undefined;

/** Runs the graph again and shows what changed; a math failure is shown, not thrown. */
function update(): void {
  try {
    result = evaluate(program);
  } catch (error) {
    if (!(error instanceof BackpropError)) throw error;
    failure.textContent = `${words.error} ${error.said(words)}`;
    failure.hidden = false;
    document.body.classList.add('failed');
    return;
  }
  failure.hidden = true;
  document.body.classList.remove('failed');
  write(output, number(result.value));
  for (const { node, value, grad } of shown) {
    if (value !== null) write(value, pageText(graph.valueOf(node), number));
    if (grad !== null) write(grad, pageText(gradientOf(graph, node), number));
  }
  for (const group of inSight) redraw(group);
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
  write(stepsView, renderSteps(result, steps, PLAIN, data.digits, Infinity, words));
}

/** Pointing at, tapping or focusing an element shows a node's steps. */
function pointable(element: Element, node: number): void {
  for (const event of ['pointerenter', 'focusin', 'click']) element.addEventListener(event, () => showSteps(node));
}

/**
 * Finds the numbers of the picture, which Graphviz drew from the DOT of --format svg: it keeps
 * each DOT node's name as the title of its group. `nK` is node K (a circle, or an input's name
 * with its gradient when it is used twice or more); `eK_P` holds the numbers on the edge into
 * node K from its argument P, the value above and the gradient sent back along it below;
 * `e_out` those on the edge to the output's name, `out`.
 */
function findInPicture(): void {
  const { output, outputName } = program;
  const buttons: Element[] = [];
  for (const group of document.querySelectorAll('figure svg g.node')) {
    const title = group.querySelector('title')?.textContent ?? '';
    const texts = [...group.querySelectorAll('text')];
    const edge = /^e(\d+)_(\d+)$/.exec(title);
    const node = /^n(\d+)$/.exec(title);
    if (edge !== null || title === 'e_out') {
      const [to, position] = edge === null ? [-1, 0] : [Number(edge[1]), Number(edge[2])];
      const from = edge === null ? output : graph.args(to)[position];
      if (graph.isConstant(from)) continue;
      const share = () => (edge === null ? graph.grad(from) : sharesOf(graph, to)[position]);
      const gradient = () => drawnLines(share()!, drawnNumber, true);
      // Below the arrow, the gradient's lines, or a blank where nothing is sent back (labels); the value's above.
      const sent = share() !== undefined;
      const below = sent ? gradient().length : 1;
      track(group, texts.slice(0, -below), () => drawnLines(graph.valueOf(from), drawnNumber));
      if (sent) track(group, texts.slice(-below), gradient);
      pointable(group, from);
    } else if (node !== null || title === 'out') {
      const at = node === null ? output : Number(node[1]);
      if (graph.isConstant(at)) continue;
      const gradient = () => drawnLines(gradientOf(graph, at), drawnNumber, true);
      if (graph.isInput(at) && texts.length > 1) track(group, texts.slice(-gradient().length), gradient);
      pointable(group, at);
      // A button: focusing or pressing it (or pointing at it) shows the node's steps below the table.
      group.setAttribute('role', 'button');
      group.setAttribute('aria-label', drawn(at === output ? outputName : label(graph, at)));
      group.setAttribute('tabindex', buttons.length === 0 ? '0' : '-1');
      buttons.push(group);
    }
  }
  // The picture is one stop of the tab order, and the arrow keys go from node to node in it:
  // the table's fields are then one Tab away, however many nodes the graph has.
  buttons.forEach((button, i) => {
    button.addEventListener('keydown', (event) => {
      const { key } = event as KeyboardEvent;
      const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 }[key];
      if (key === 'Enter' || key === ' ') button.dispatchEvent(new Event('click'));
      else if (next === undefined || buttons[next] === undefined) return;
      else {
        button.setAttribute('tabindex', '-1');
        buttons[next].setAttribute('tabindex', '0');
        (buttons[next] as SVGElement).focus();
      }
      event.preventDefault();
    });
  });
}

/**
 * Keeps a value drawn for updates, if its last lines read as the lines the page would draw
 * there. Graphviz writes a second space in a row as a no-break space; the page writes spaces,
 * which the picture's texts keep (xml:space="preserve").
 */
function track(group: Element, texts: Element[], current: () => string[]): void {
  const now = current();
  const elements = texts.slice(-now.length);
  const shown = elements.map((element) => (element.textContent ?? '').replace(/\u00a0/g, ' '));
  if (elements.length < now.length || shown.some((text, i) => !text.endsWith(now[i]))) return;
  if (!drawnIn.has(group)) {
    drawnIn.set(group, []);
    inSight.add(group);
    sight.observe(group);
  }
  drawnIn.get(group)!.push({ elements, prefixes: shown.map((text, i) => text.slice(0, text.length - now[i].length)), current });
}

function redraw(group: Element): void {
  for (const { elements, prefixes, current } of drawnIn.get(group) ?? []) {
    current().forEach((line, i) => write(elements[i], prefixes[i] + line));
  }
}

/**
 * The number typed into a field; undefined, said beside it, for an emptied field or one
 * holding no number, and the numbers stay those of the last value.
 */
function typed(field: HTMLInputElement, needs: Element): number | undefined {
  const x = field.valueAsNumber;
  const ok = Number.isFinite(x);
  field.toggleAttribute('aria-invalid', !ok);
  write(needs, ok ? '' : words.pageNeedsNumber);
  return ok ? x : undefined;
}

for (const row of rows) {
  const node = Number(row.dataset.node);
  pointable(row, node);
  const needs = row.querySelector('.needs')!;
  // A small array's cells: a field each, which sets its element of the array.
  const cells = row.querySelectorAll<HTMLInputElement>('input[data-index]');
  for (const cell of cells) {
    cell.addEventListener('input', () => {
      const x = typed(cell, needs);
      if (x === undefined) return;
      const tensor = graph.tensor(node)!;
      tensor.data[Number(cell.dataset.index)] = x;
      graph.setValue(node, tensor);
      update();
    });
  }
  const [field, slider] = row.querySelectorAll('input');
  if (field === undefined || cells.length > 0) continue;
  field.addEventListener('input', () => {
    const x = typed(field, needs);
    if (x === undefined) return;
    const { min, max, step } = grownRange({ min: Number(slider.min), max: Number(slider.max), step: Number(slider.step) }, x);
    slider.min = String(min);
    slider.max = String(max);
    slider.step = String(step);
    slider.value = String(x);
    graph.setValue(node, x);
    update();
  });
  slider.addEventListener('input', () => {
    field.value = slider.value;
    field.removeAttribute('aria-invalid');
    write(needs, '');
    graph.setValue(node, slider.valueAsNumber);
    update();
  });
}
