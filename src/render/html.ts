/// <reference path="./live-script.d.ts" />
import script from '../../dist/live-script.js';
import { CATALOGUES, en, LANGUAGES, type Messages } from '../messages/index.js';
import { formatNumber } from '../numbers.js';
import type { Result } from '../result.js';
import { pageData } from './page-data.js';
import { MAX_DRAWN_NODES, renderSvg } from './svg.js';

export interface HtmlOptions {
  digits: number;
  /** Also list the intermediates, below the inputs. */
  all: boolean;
  /** The page's words, in the reader's language (English unless given). */
  words?: Messages;
}

/**
 * One self-contained HTML page: the picture of --format svg, and a table where each input is
 * a number field and a slider. Moving one runs the graph forward and backward again in the
 * page (the script is backprop's own engine, bundled for the browser by the build) and
 * updates the output and every value and gradient, in the picture and in the table. Nothing
 * is fetched: the picture, the data, the style and the script are all inline, and the page's
 * policy forbids any request.
 *
 * For tests and tools: each input's controls carry data-input="NAME", the output is shown in
 * the element with data-output, each gradient in the one with data-grad="NAME", its text the
 * number as the table prints it.
 */
export async function renderHtml(result: Result, { digits, all, words = en }: HtmlOptions): Promise<string> {
  const language = LANGUAGES.find((code) => CATALOGUES[code] === words) ?? 'en';
  const { graph, outputName } = result;
  // The drawing as --format svg makes it, from its <svg> on: the page's script finds the
  // numbers in it by the names Graphviz keeps (n5, e5_0) and writes the new ones in place.
  const picture =
    graph.size > MAX_DRAWN_NODES
      ? `<p>${words.pageTooLarge(graph.size, MAX_DRAWN_NODES)}</p>`
      : (await renderSvg(result, digits, words)).replace(/^[^]*?(?=<svg)/, '');
  const number = (x: number) => formatNumber(x, digits, words.undefinedNumber);
  const d = (what: string) => `∂${outputName}/∂${what}`;
  const cell = (kind: 'value' | 'grad', name: string, x: number) => `<span class="${kind}" data-${kind}="${name}">${number(x)}</span>`;
  const inputRows = result.inputs.map((node) => {
    const name = escape(graph.name(node)!);
    const value = graph.value(node);
    const { min, max, step } = sliderRange(value);
    return `<tr data-node="${node}">
<th scope="row"><label for="value-${node}">${name}</label></th>
<td class="value"><input type="number" id="value-${node}" data-input="${name}" value="${number(value)}" step="any">
<input type="range" data-input="${name}" aria-label="${name}, ${words.pageSlider}" min="${min}" max="${max}" step="${step}" value="${value}"></td>
<td>${cell('grad', name, graph.grad(node))}</td>
</tr>`;
  });
  const intermediateRows = all
    ? result.intermediates.map((node) => {
        const name = escape(graph.name(node)!);
        return `<tr data-node="${node}" class="intermediate" tabindex="0">
<th scope="row">${name}</th>
<td>${cell('value', name, graph.value(node))}</td>
<td>${cell('grad', name, graph.grad(node))}</td>
</tr>`;
      })
    : [];
  const data = JSON.stringify(pageData(result, digits, language));
  const title = `backprop: ${escape(outputName)}`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1><span>${escape(outputName)} =</span> <output data-output aria-live="polite">${number(result.value)}</output></h1>
<p role="alert" id="failure" hidden></p>
<figure class="picture" role="group" aria-label="${words.pagePicture}">
${picture}
</figure>
<table>
<caption>${words.pageCaption(escape(d(words.input)))}</caption>
<thead><tr><th scope="col">${all ? words.name : words.input}</th><th scope="col">${words.value}</th><th scope="col">${escape(d(all ? words.name : words.input))}</th></tr></thead>
<tbody>
${inputRows.join('\n')}
</tbody>${intermediateRows.length === 0 ? '' : `\n<tbody>\n${intermediateRows.join('\n')}\n</tbody>`}
</table>
<section aria-labelledby="steps-heading">
<h2 id="steps-heading">${words.pageSteps}</h2>
<pre id="steps" aria-live="polite">${words.pageStepsHint}</pre>
</section>
</main>
<script type="application/json" id="backprop-data">${data.replace(/</g, '\\u003c')}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

/**
 * A slider's span around a value: from 0 to twice the value (so the value sits in the middle),
 * or −5 to 5 around 0, in about a hundred steps of a round size, so that the value itself and
 * round numbers near it can be reached.
 */
export function sliderRange(value: number): { min: number; max: number; step: number } {
  const [min, max] = value === 0 ? [-5, 5] : value > 0 ? [0, 2 * value] : [2 * value, 0];
  const step = 10 ** Math.floor(Math.log10((max - min) / 100));
  return { min, max, step: Number(step.toPrecision(1)) };
}


function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
main { margin: 0 auto; max-width: 60rem; padding: 1rem; }
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
span.grad { color: #c22; }
input[type=number] { width: 8rem; font: inherit; }
input[type=range] { width: 12rem; vertical-align: middle; }
tr[data-node]:hover, tr[data-node]:focus-within, tr[data-node]:focus { background: #8882; }
:focus-visible { outline: 3px solid #36c; outline-offset: 2px; }
pre { white-space: pre-wrap; background: #8881; padding: 0.6rem; min-height: 3lh; }
.failed output, .failed span.grad, .failed span.value, .failed figure svg { opacity: 0.4; }
#failure { color: #c22; font-weight: bold; }
figure { margin: 0; overflow: auto; max-height: 80vh; }
figure svg { display: block; }
figure g.node:hover ellipse, figure g.node:focus ellipse { stroke: #36c; stroke-width: 3; }
figure g.node:hover text, figure g.node:focus text { font-weight: bold; }
figure g.node:focus { outline: none; }
`;
