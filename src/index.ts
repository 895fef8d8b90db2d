/**
 * The library: what `import … from 'backprop-calc'` gives. Build a graph from a receipt or an
 * expression (or by hand, layer by layer), evaluate it, and read or render the result.
 */
export * from './layers.js';
export { Graph, type Program } from './graph.js';
export { parseReceipt } from './parse/receipt.js';
export { MAX_NESTING, parseExpression } from './parse/expression.js';
export { evaluate, type Order, type Result } from './result.js';
export { derived, differentiate, hessian, nthDerivative } from './higher.js';
export { trace, type BackwardStep, type ForwardStep, type Share, type Step, type SumStep } from './trace.js';
export { ABSOLUTE, RELATIVE, STEP, check, disagreement, type Check, type InputCheck, type Verdict } from './check.js';
export { EPOCHS, MAX_EPOCHS, RATE, TOLERANCE, train, type TrainOptions, type TrainedInput, type Training } from './train.js';
export { jsonChunks, renderJson, type JsonOptions } from './render/json.js';
export { FONTS, renderDot } from './render/dot.js';
export { renderSvg } from './render/svg.js';
export { renderMermaid } from './render/mermaid.js';
export { renderHtml, type HtmlOptions } from './render/html.js';
export { BackpropError, CheckError, InputError, MathError, OutputError, errorObject, type ErrorDetails, type ErrorKind, type ErrorObject } from './errors.js';
export { formatNumber, round } from './numbers.js';
export { batch, type BatchOptions } from './batch.js';
