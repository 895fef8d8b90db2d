/// <reference path="./live-script.d.ts" />
import { createHash } from 'node:crypto';
import script from 'backprop:live-script';
import { CATALOGUES } from '../messages/all.js';
import { en, LANGUAGES, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import type { Tensor, Value } from '../tensor.js';
import { shapeLabel, SMALL } from './array-text.js';
import { pageData, pageText } from './page-data.js';
import { drawn, drawnWhole, gradientOf } from './picture.js';
import { sliderRange } from './slider.js';
import { MAX_DRAWN_NODES, renderSvg } from './svg.js';

export interface HtmlOptions {
  /** Significant digits of the table's numbers. */
  digits: number;
  /** Significant digits of the picture's numbers: `digits` unless given. */
  pictureDigits?: number;
  /** Also list the intermediates, below the inputs. */
  all: boolean;
  /** The page's words, in the reader's language (English unless given). */
  words?: Messages;
}

/**
 * One self-contained HTML page: the picture of --format svg, and a table where each input is
 * a number field and a slider (a small array: a field a cell). Moving one runs the graph
 * forward and backward again in the page (the script is backprop's own engine, bundled for
 * the browser by the build) and updates the output and every value and gradient, in the
 * picture and in the table. Nothing is fetched: the picture, the data, the style and the script are all inline, and the page's
 * policy forbids any request, and any script or style but the page's own.
 *
 * For tests and tools: each input's controls carry data-input="NAME", the output is shown in
 * the element with data-output, each gradient in the one with data-grad="NAME", its text the
 * number as the table prints it (an array's text, as NumPy prints it, in a <pre>). A cell of
 * an array input is the field with data-input="NAME" and data-index="K", K counting along
 * the rows.
 */
export async function renderHtml(result: Result, options: HtmlOptions): Promise<string> {
  return [...htmlChunks(result, await htmlPicture(result, options), options)].join('');
}

/**
 * The page's picture: the drawing as --format svg makes it, from its <svg> on, or for a graph
 * too large to draw a line that says so. The page's script finds the numbers in it by the
 * names Graphviz keeps (n5, e5_0) and writes the new ones in place.
 */
export async function htmlPicture(result: Result, { digits, pictureDigits = digits, words = en }: HtmlOptions): Promise<string> {
  const { size } = result.graph;
  if (size > MAX_DRAWN_NODES) return `<p>${words.pageTooLarge(size, MAX_DRAWN_NODES)}</p>`;
  return (await renderSvg(result, pictureDigits, words)).replace(/^[^]*?(?=<svg)/, '');
}

/** The page around its picture, in pieces a row of the table each, to be counted and then written. */
export function* htmlChunks(result: Result, picture: string, { digits, pictureDigits = digits, all, words = en }: HtmlOptions): Generator<string> {
  const language = LANGUAGES.find((code) => CATALOGUES[code] === words) ?? 'en';
  const { graph } = result;
  const outputName = escape(drawn(result.outputName));
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  const d = (what: string) => `∂${outputName}/∂${escape(what)}`;
  // A name is shown as the picture shows it, and kept whole where a tool looks for it.
  const cell = (kind: 'value' | 'grad', name: string, value: Value) => {
    const [tag, kinds] = typeof value === 'number' ? ['span', kind] : ['pre', `array ${kind}`];
    return `<${tag} class="${kinds}" data-${kind}="${name}">${escape(pageText(value, number))}</${tag}>`;
  };
  // An array input: a field a cell where it is small; else its shape, as it is too large to change here.
  const cells = (node: number, shown: string, whole: string, tensor: Tensor) => {
    if (!drawnWhole(tensor)) return `${shapeLabel(tensor)}: ${words.pageArrayTooLarge(`${SMALL}×${SMALL}`)}`;
    const field = (i: number, j: number) => {
      const k = i * tensor.columns + j;
      const said = tensor.rank === 1 ? words.pageElement(shown, j + 1) : words.pageCell(shown, i + 1, j + 1);
      return `<input type="number" data-input="${whole}" data-index="${k}" aria-label="${said}" value="${number(tensor.data[k])}" step="any" aria-describedby="needs-${node}">`;
    };
    const rows = Array.from({ length: tensor.rows }, (_, i) => `<div>${Array.from({ length: tensor.columns }, (_, j) => field(i, j)).join('')}</div>\n`);
    return `<div class="cells" role="group" aria-labelledby="name-${node}">\n${rows.join('')}</div>\n<span class="needs" id="needs-${node}" aria-live="polite"></span>`;
  };
  const style = STYLE + pictureStyle(picture);
  yield `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '${SCRIPT_HASH}'; style-src '${hash(style)}'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>backprop: ${outputName}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1><span>${outputName} =</span> <output data-output aria-live="polite">${number(result.value)}</output></h1>
<p role="alert" id="failure" hidden></p>
<figure class="picture" role="group" aria-label="${words.pagePicture}">
${picture}
</figure>
<table>
<caption>${words.pageCaption(d(words.input))}</caption>
<thead><tr><th scope="col">${all ? words.name : words.input}</th><th scope="col">${words.value}</th><th scope="col">${d(all ? words.name : words.input)}</th></tr></thead>
<tbody>
`;
  for (const node of result.inputs) {
    const name = graph.name(node)!;
    const [shown, whole] = [escape(drawn(name)), escape(name)];
    const value = graph.valueOf(node);
    if (typeof value !== 'number') {
      yield `<tr data-node="${node}">
<th scope="row" id="name-${node}">${shown}</th>
<td class="value">${cells(node, shown, whole, value)}</td>
<td>${cell('grad', whole, gradientOf(graph, node))}</td>
</tr>
`;
      continue;
    }
    const { min, max, step } = sliderRange(value);
    yield `<tr data-node="${node}">
<th scope="row"><label for="value-${node}">${shown}</label></th>
<td class="value"><input type="number" id="value-${node}" data-input="${whole}" value="${number(value)}" step="any" aria-describedby="needs-${node}">
<input type="range" data-input="${whole}" aria-label="${shown}, ${words.pageSlider}" min="${min}" max="${max}" step="${step}" value="${value}">
<span class="needs" id="needs-${node}" aria-live="polite"></span></td>
<td>${cell('grad', whole, gradientOf(graph, node))}</td>
</tr>
`;
  }
  yield '</tbody>\n';
  if (all && result.intermediates.length > 0) {
    yield '<tbody>\n';
    for (const node of result.intermediates) {
      const name = graph.name(node)!;
      yield `<tr data-node="${node}" class="intermediate" tabindex="0">
<th scope="row">${escape(drawn(name))}</th>
<td>${cell('value', escape(name), graph.valueOf(node))}</td>
<td>${cell('grad', escape(name), gradientOf(graph, node))}</td>
</tr>
`;
    }
    yield '</tbody>\n';
  }
  const data = JSON.stringify(pageData(result, digits, language, pictureDigits));
  yield `</table>
<section aria-labelledby="steps-heading">
<h2 id="steps-heading">${words.pageSteps}</h2>
<pre id="steps" aria-live="polite">${words.pageStepsHint}</pre>
</section>
</main>
<script type="application/json" id="backprop-data">${data.replace(/</g, '\\u003c')}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The page's script as the page holds it: text in it cannot end its element. */
const SCRIPT = script().replace(/<\/script/gi, '<\\/script');
const SCRIPT_HASH = hash(SCRIPT);

/** What the page's policy names an inline script or style by: the hash of its text. */
function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/**
 * The picture as wide as the window, for a projector, and as tall as the screen at most, but
 * never smaller than Graphviz drew it: a large graph keeps its size, and the figure scrolls.
 */
function pictureStyle(picture: string): string {
  const size = /^<svg width="([\d.]+pt)" height="([\d.]+pt)"/.exec(picture);
  return size === null ? '' : `figure svg { min-width: ${size[1]}; max-height: max(80vh, ${size[2]}); }\n`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
main { padding: 1rem; }
/* The words and the table in a column of a reading width; the picture as wide as the window. */
main > :not(figure) { margin-inline: max(0px, (100% - 60rem) / 2); }
h1 { font-size: 1.6rem; }
output { font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; margin: 1rem 0; }
caption { text-align: left; padding-bottom: 0.5rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #8884; text-align: left; }
th:last-child { text-align: right; }
/* Each number in a box of its own size, which the browser lays out alone: a change of every
   number of a long table then costs no layout of the table. */
span.grad, span.value { display: inline-block; width: 20ch; height: 1lh; contain: strict; overflow: hidden;
  content-visibility: auto; vertical-align: middle; text-align: right; font-variant-numeric: tabular-nums; }
span.grad, pre.grad { color: #c22; }
/* An array as NumPy prints it, and the fields of a small one's cells, a row of them a line. */
pre.array { margin: 0; padding: 0; min-height: 0; background: none; white-space: pre; font-size: 1rem; }
.cells div { white-space: nowrap; }
.cells input[type=number] { width: 5rem; }
input[type=number] { width: 8rem; font: inherit; }
input[type=range] { width: 12rem; vertical-align: middle; }
span.needs { display: block; color: #c22; }
tr[data-node]:hover, tr[data-node]:focus-within, tr[data-node]:focus { background: #8882; }
:focus-visible { outline: 3px solid #36c; outline-offset: 2px; }
pre { white-space: pre-wrap; background: #8881; padding: 0.6rem; min-height: 3lh; }
.failed output, .failed span.grad, .failed span.value, .failed pre.array, .failed figure svg { opacity: 0.4; }
#failure { color: #c22; font-weight: bold; }
figure { margin: 0; overflow: auto; max-height: 80vh; }
figure svg { display: block; width: 100%; height: auto; }
figure g.node:hover ellipse, figure g.node:focus ellipse { stroke: #36c; stroke-width: 3; }
figure g.node:hover text, figure g.node:focus text { font-weight: bold; }
figure g.node:focus { outline: none; }
`;
