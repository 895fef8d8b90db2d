/**
 * What --batch says of a line of input values. Its output is JSON, and JSON is the same in
 * every language, so these are in English only: the other catalogues take them as they are.
 */
export const batchMessages = {
  theLine: 'the line',
  lineTooLong: (megabytes: number, most: number) => `the line has ${megabytes} MB, more than a line may have (${most} MB): give its values in lines of their own`,
  lineEndless: (megabytes: number) => `the line goes on past ${megabytes} MB without an end: this is not lines of values, and it is read no further`,
  lineEmpty: 'the line is empty: give an object of input values, e.g. {"x": 2}, or {} for none',
  notJson: (where: string) => `the line is not JSON: ${where}; give an object of input values, e.g. {"x": 2}`,
  jsonExpected: (column: number, expected: string, found: string) => `at column ${column}, expected ${expected}, found ${found}`,
  jsonValue: 'a value',
  jsonKey: 'a name in double quotes',
  jsonEscape: 'an escape such as \\n or \\u00e9',
  jsonStringEnd: "the string's closing '\"'",
  jsonUnknown: 'its text is not valid JSON',
  notObject: (line: string) => `the line is ${line}, not an object: give an object of input values, e.g. {"x": 2}`,
  noInputNamed: (name: string, inputs: string) => `the program has no input '${name}'${inputs}`,
  itsInputs: (inputs: string) => ` (its inputs: ${inputs})`,
  notFiniteNumber: (name: string, json: string) => `'${name}' is ${json}: give a finite number`,
  notArray: (name: string, json: string) =>
    `'${name}' is ${json}: give a number, a list of numbers (a vector) or a list of lists all as long (a matrix), as [[1, 2], [3, 4]]`,
  lineNoValue: (name: string) => `'${name}' has no value: give it in each line ({"${name}": 2}) or on the command line (${name}=2)`,
  csvUnknown: (name: string, inputs: string) => `the CSV header names '${name}', which is not an input of the program${inputs}`,
  csvTwice: (name: string) => `the CSV header names '${name}' twice`,
  csvRow: (count: number, header: number) => `the row has ${count} value${count === 1 ? '' : 's'} where the header names ${header}`,
  csvNotNumber: (name: string, cell: string) => `'${name}' is '${cell}': give a number`,
  csvOpenQuote: 'a quoted value is never closed: end it with "',
  echoTooDeep: (key: string, most: number) => `'${key}' nests deeper than ${most} levels, too deep to echo: give a flatter value`,
};

/**
 * Every word backprop prints for a person, in English: the catalogue the others follow. A
 * message with parts to fill in is a function of them; the Korean and Japanese catalogues
 * have the type of this one, so that a message missing from either does not compile.
 */
export const en = {
  // The table.
  input: 'input',
  name: 'name',
  value: 'value',
  numerical: 'numerical',
  relativeError: 'rel. error',
  check: 'check',
  agrees: 'agrees',
  disagrees: 'disagrees',
  kinkAt: (node: string) => `kink at ${node}`,
  atKink: (node: string, inputs: string) => `${node} is exactly at its kink, where it has no derivative: what reaches ${inputs} through it is backward's one-sided choice (as the book's relu mask), not a derivative`,
  /** A kink in --check's table, numbered: `(1) kink at …` under the table names it. */
  kinkMark: (mark: number) => `kink (${mark})`,
  leavesDomain: 'x ± h leaves the domain',
  inconclusive: 'h too coarse to tell',
  /** What the views print for a gradient that is no number (∞ and -∞ are signs, the same everywhere). */
  noInputs: 'no inputs to differentiate with respect to: the program is numbers only (give it one, as x=2 in backprop "x*3" x=2)',
  hessianTitle: (of: string, passes: number) => `the Hessian, ∂²${of}/∂row ∂column: ${passes} backward passes, one a row`,
  undefinedNumber: 'undefined',

  // --check's costs.
  backpropLabel: 'backprop:',
  numericalLabel: 'numerical:',
  backpropCost: (time: string) => `1 forward + 1 backward pass, ${time}`,
  numericalCost: (passes: number, time: string) => `${passes} forward passes (2 per input), ${time}`,
  timesBackprop: (ratio: string) => `, ${ratio}× backprop's time`,
  agreeWhen: (absolute: number, relative: number) => `agree when |backprop − numerical| ≤ ${absolute} + ${relative} × |numerical|`,

  // --steps.
  forward: 'forward',
  nothingToCompute: (leaf: string) => `nothing to compute, ${leaf}`,
  isAnother: (output: string, leaf: string) => `${output} is ${leaf}`,
  backwardFrom: (start: string) => `backward, from ${start}`,
  broadcastSum: (name: string, from: string, to: string) => `${name} (${from}) was spread over (${to}) in forward: backward sums its share back to (${from})`,
  usedTimes: (name: string, times: number, sum: string) => `${name} is used ${times} times: ${sum}`,
  zeroUpstream: (upstream: string) => `${upstream} is 0, so nothing flows back`,
  constantArguments: 'its arguments are numbers, so nothing flows back',

  // --graph.
  tangentPass: (pass: number, passes: number, input: string) => `forward mode, pass ${pass} of ${passes}: ∂/∂${input}, from ∂${input}/∂${input} = 1 and 0 for every other input`,
  modesForward: (passes: number, operations: number, total: number) => `forward mode: ${passes} passes (one an input) × ${operations} operations = ${total}`,
  modesReverse: (operations: number, total: number) => `reverse mode: 2 passes (1 forward, 1 backward) × ${operations} operations = ${total}`,
  modesAgree: (difference: string) => `both give the same gradients, to a relative difference of ${difference}`,
  treeLegend: (output: string) => `(operation) node = value  ∂ = ∂${output}/∂node`,
  treeCut: (lines: number) => `… cut at ${lines} lines: --format dot draws the whole graph`,
  mermaidTitle: (output: string) => `∂ = ∂${output}/∂node`,

  // --nudge.
  nudge: 'nudge',
  predicted: (output: string) => `predicted Δ${output}`,
  actual: (output: string) => `actual Δ${output}`,
  difference: 'difference',
  nudgeNote: 'predicted: gradient × change, along the tangent; difference: actual − predicted',

  // --train.
  newtonMethod: 'Newton’s method',
  newtonOn: (method: string, output: string, why: string) => `${method} on ${output}: ${why}`,
  compared: (method: string, epochs: string, value: string) => `${method}: ${epochs}, ${value}`,
  comparedTitle: 'from the same start:',
  gradientDescent: 'gradient descent',
  trainingOn: (descent: string, output: string, rate: number, why: string) => `${descent} on ${output}, rate ${rate}: ${why}`,
  epochCount: (epochs: number) => `${epochs} epoch${epochs === 1 ? '' : 's'}`,
  stoppedAfter: (epochs: string, output: string, tolerance: number) =>
    `stopped after ${epochs}: ${output} changed by no more than ${tolerance} (--tolerance)`,
  ranEpochs: (epochs: string) => `${epochs} (--epochs)`,
  start: 'start',
  final: 'final',
  byEpoch: (output: string) => `${output} by epoch`,
  logScale: ' (log scale)',
  progress: (epoch: number, epochs: number, output: string, value: string) => `epoch ${epoch} of ${epochs}: ${output} = ${value}`,
  accuracy: (start: string, final: string, right: number, rows: number) => `accuracy ${start} → ${final} (${right} of ${rows} rows right)`,
  checkProgress: (bar: string, done: number, total: number) => `--check ${bar} ${done} of ${total} forward passes`,

  // --help. The options' names, the examples' commands and the grammar stay as typed.
  usageTitle: 'Usage:',
  // What the help and commander's messages write for an option's value or the words; options' names stay.
  usage: '[options] [EXPRESSION] [NAME=VALUE ...]',
  wordsName: 'words',
  textValue: 'text',
  pathValue: 'path',
  formValue: 'form',
  modeValue: 'mode',
  digitsValue: 'digits',
  inputsValue: 'inputs',
  numberValue: 'number',
  dataValue: 'source',
  fileValue: 'file',
  languageValue: 'language',
  optionFlags: (option: string, value: string) => `${option} <${value}>`,
  argumentsTitle: 'Arguments:',
  optionsTitle: 'Options:',
  choices: 'choices',
  examples: `Examples:
  backprop apple=100x2 orange=150x3 tax=1.1       the book's receipt: price 715
  backprop apple=100x2 tax=+10% coupon=-20        a percent and an amount
  backprop "y = sigmoid(w*x + b)" w=2 x=0.5 b=-1  an expression and its inputs
  backprop -f model.txt --all                     a program from a file
  backprop apple=100x2 tax=1.1 --json | jq .gradients
  echo '{"x": 3}' | backprop "x*y" y=2 --batch   JSON lines in, JSON lines out
  backprop "loss = (w*2 + b - 5)^2" w=0 b=0 --train  gradient descent on w, b
`,
  reference: (functions: string, pairs: string, arrays: string, pkg: string) => `
Receipt words (no spaces inside a word):
  NAME=PRICExQTY        an item: apple=100x2 (x, X, * or × between)
  NAME=FACTOR           multiplies the total: tax=1.1
  NAME=+N, NAME=-N      adds to the total: shipping=+5, coupon=-20
  NAME=+P%, NAME=-P%    a percent more or less: tax=+10%, discount=-15%

Expressions (one argument, in quotes; -e for one that starts with -):
  operators  + - * / and ^ or ** (power), parentheses; also × − ÷
             -x^2 is -(x^2), 2^3^2 is 2^9
  functions  ${functions}
             (${pairs}: two arguments)
  arrays     ${arrays}
  statements NAME = expr, separated by ; or new lines; # starts a comment
  A word NAME=VALUE whose value is a number, PRICExQTY or a signed percent
  gives an input; any other word is the expression: "y=2*x" x=3.

Exit status: 0 success; 1 the computation or its output failed (overflow,
1/0, log of a non-positive number, 0 × ∞, --train diverged, a full disk)
or --check found a disagreement, or with --batch a line failed; 2 bad
input. Under --json or --batch, an error is a JSON object on standard
error, its message in English: {"error": {"status", "kind", "message", …}}.

More: README.md in the installed package, $(npm root -g)/${pkg}/README.md
(or node_modules/${pkg}/README.md where it was installed locally).
`,
  description:
    'Builds the computational graph of a receipt or an expression, runs it forward and backward, ' +
    'and prints the output and its partial derivative with respect to every input.',
  wordsArgument: 'receipt words, or an expression then its inputs as NAME=VALUE',
  exprOption: 'the expression (statements separated by ; or new lines)',
  fileOption: 'read the expression from a file; - reads standard input',
  jsonOption: 'print JSON (short for --format json)',
  formatOption:
    'table (the default), json; svg draws the graph as the book does, dot and mermaid describe it for other tools, html writes a live page',
  allOption: 'also show intermediate values and their gradients',
  precisionOption: (digits: number, json: number) => `significant digits of computed values (default: ${digits}, in JSON ${json})`,
  stepsOption: 'show the forward and backward passes step by step',
  graphOption: 'draw the computational graph as a tree',
  expandOption: (composites: string) => `build ${composites} from primitive nodes, so that every stage shows`,
  floatOption: 'compute in IEEE doubles, as PyTorch does, rather than exactly where the math is exact (+ − × ÷ on decimals)',
  seedOption: 'the seed of the random numbers of rand and randn, for the same numbers on every run and machine (default: one drawn, and told)',
  fullOption: 'print every element of an array under the table, not NumPy\'s summary of its corners past 6 × 6',
  checkOption: (absolute: number, relative: number) =>
    `compare each gradient with central differences and time both; status 1 if one differs by more than ${absolute} + ${relative} × |numerical|`,
  nudgeOption: 'move an input by D (or -D, +1%; repeatable): the real change beside gradient × D',
  orderOption: (most: number) => `the derivative of order n (1 to ${most}): of one input its n-th derivative, of several inputs (n = 2) the Hessian`,
  trainOption: 'minimise the output by gradient descent on these inputs (w,b; all if none named)',
  rateOption: (rate: number) => `the learning rate of --train (default: ${rate})`,
  epochsOption: (epochs: number) => `the most steps --train takes (default: ${epochs})`,
  toleranceOption: (tolerance: number) => `--train stops once a step changes the output by no more (default: ${tolerance})`,
  batchOption:
    'evaluate the graph once for each line of standard input (or of the file): a JSON object of input ' +
    'values a line, or a .csv file with a header of input names; print one JSON document a line',
  failFastOption: 'with --batch, stop at the first line that fails',
  csvOption: 'with --batch, read the lines as CSV, the first naming the inputs (as a .csv file is read)',
  langOption: 'the language of the words printed (default: from LC_ALL, LC_MESSAGES or LANG, else en)',
  colorOption: 'color even when not writing to a terminal',
  noColorOption: 'never color (so does NO_COLOR=1 or TERM=dumb)',
  versionOption: 'print the version',
  helpOption: 'show this help',
  and: (items: string[]) => (items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`),

  // Where an error is in the program, and what is wrong there.
  where: (line: number, column: number) => `line ${line}, column ${column}`,
  at: (message: string, where: string) => `${message} (${where})`,
  unexpectedCharacter: (char: string) => `unexpected character ${char}`,
  notInName: (char: string) => `${char} cannot be part of a name: a name is letters, digits and _`,
  character: (char: string, code: string, kind: string) => `'${char}' (${code}, ${kind})`,
  aSymbol: 'a symbol',
  aPunctuationMark: 'a punctuation mark',
  aSpace: 'a space',
  aNumberSign: 'a number sign, not a digit',
  aControlCharacter: 'an invisible control or format character',
  anInvisibleCharacter: 'an invisible character',
  unusedValue: 'this value is not used: name it (NAME = …) or make it the last statement',
  emptyExpression: 'the expression is empty: write one, e.g. backprop "x*y" x=2 y=3',
  resultTaken: "the last statement has no name and 'result' is taken: name it (NAME = …)",
  unknownFunction: (name: string, functions: string) => `unknown function '${name}': the functions are ${functions}`,
  unknownFunctionMeant: (name: string, meant: string, functions: string) => `unknown function '${name}': did you mean ${meant}? (the functions are ${functions})`,
  isFunctionCall: (name: string) => `'${name}' is a function: write ${name}(…)`,
  expectedOperand: (found: string) => `expected a number, a name or '(', found ${found}`,
  expectedOperandAfter: (previous: string, found: string) => `expected a number, a name or '(' after '${previous}', found ${found}`,
  commaOutside: "unexpected ',': a comma separates a function's arguments, as in max(a, b)",
  extraComma: (takes: string) => `unexpected ',': ${takes}`,
  noOpenParen: "unexpected ')': there is no '(' for it to close",
  moreArguments: (name: string, takes: string) => `'${name}' needs more arguments: ${takes}`,
  neverClosed: (paren: string) => `this '${paren}' is never closed: add ')'`,
  expectedOperator: (found: string) => `expected an operator before ${found}`,
  expectedOperatorMultiply: (found: string, left: string, right: string) =>
    `expected an operator before ${found} (write ${left} * ${right} to multiply)`,
  tooDeep: (most: number) => `parentheses nest deeper than ${most} levels: split the expression into named statements`,
  functionName: (name: string) => `'${name}' is a function: choose another name`,
  usedBeforeDefined: (name: string, where: string) => `'${name}' is used before it is defined, at ${where}: move this definition above that use`,
  definedTwice: (name: string, where: string) => `'${name}' is already defined, at ${where}: rename one of the two`,
  boundTwice: (word: string, name: string) => `'${word}': '${name}' is bound twice`,
  noSuchInput: (word: string, name: string) => `'${word}': the expression has no input '${name}'`,
  noSuchInputOf: (word: string, name: string, inputs: string) => `'${word}': the expression has no input '${name}' (its inputs: ${inputs})`,
  computed: (word: string, name: string) =>
    `'${word}': '${name}' is computed by the expression, so it cannot be given a value; bind its inputs instead`,
  noValue: (names: string, count: number, first: string) =>
    count === 1
      ? `${names} has no value: bind it on the command line (${first}=2) or define it in the expression (${first} = 2)`
      : `${names} have no value: bind them on the command line (${first}=2) or define them in the expression (${first} = 2)`,
  tooLarge: (number: string) => `${number} is too large (the largest number is about 1.8e308)`,
  takesOne: (f: string) => `${f} takes one argument: ${f}(x)`,
  takesTwo: (f: string) => `${f} takes two arguments: ${f}(a, b)`,
  takesThree: (f: string) => `${f} takes three arguments: ${f}(X, W, b)`,
  takesOneOrTwo: (f: string) => `${f} takes one argument or two: ${f}(x), or ${f}(x, axis)`,
  arrayTooLarge: (shape: string, most: number) => `an array of ${shape} is more than ${most} numbers: give a smaller one`,
  arrayEnd: 'the array ends before its text does: give one array, [[1, 2], [3, 4]]',
  arrayInReceipt: (word: string) => `'${word}' is an array, which no receipt has: give it to an expression (backprop "sum(x)" 'x=[1, 2]')`,
  arrayNotFinite: (label: string) => `an element of ${label} is not a finite number (an overflow, or a log of 0 or less)`,
  arrayGradientNotFinite: (derivative: string) => `an element of ${derivative} is not a finite number`,
  emptyArray: 'an array needs numbers: write them between the brackets, [1, 2, 3]',
  arrayNumber: 'expected a number of the array, as in [1, 2, 3]',
  arrayComma: "expected ',' between the numbers of an array, or ']' after the last",
  arrayRow: "expected a row, '[', as in [[1, 2], [3, 4]]",
  generatorSize: (name: string) => `${name} takes the sizes of its axes, one or two whole numbers above 0: ${name}(3) or ${name}(2, 3)`,
  randomSeed: (seed: number) => `random numbers from --seed ${seed} (give it to have the same ones again)`,
  dataInput: (data: string, name: string) => `--data ${data} gives the inputs x and t: the program has no input '${name}'; write the net with its data as x and its labels as t`,
  dataBound: (word: string, data: string) => `'${word}': --data ${data} gives this input its value; leave out one of them`,
  dataReceipt: (data: string) => `--data ${data} gives a program its inputs x and t: give a program (-e or -f) that uses them`,
  dataFolder: "--data mnist needs the folder of the MNIST files after it: --data mnist DIR",
  mnistMissing: (folder: string, file: string) => `--data mnist: there is no ${file} (or ${file}.gz) in '${folder}': give the folder that holds the MNIST training files (backprop downloads nothing)`,
  notMnist: (file: string) => `'${file}' is not an MNIST file (IDX, unsigned bytes): give the folder of the MNIST training files, as published`,
  dataOption: 'feed data to the program as its inputs x and t: spiral (3 classes of 30 points, from the seed), or mnist DIR (the first 100 training images in DIR)',
  endOfExpression: 'the end of the expression',
  endOfLine: 'the end of the line',
  names: (names: string[]) => names.join(', '),
  listMore: (shown: string, more: number) => `${shown} and ${more} more`,

  // Command-line words and receipts.
  forms: 'write NAME=PRICExQTY (apple=100x2), NAME=FACTOR (tax=1.1), NAME=+AMOUNT (shipping=+5, coupon=-20) or NAME=±PERCENT (tax=+10%)',
  notNameValue: (word: string, forms: string) => `'${word}' is not NAME=VALUE: ${forms}`,
  percentSign: (word: string, name: string, size: string) =>
    `'${word}': give the percent its sign: ${name}=+${size}% adds ${size}%, ${name}=-${size}% takes ${size}% off`,
  notFinite: (word: string) => `'${word}': inputs must be finite numbers`,
  notNumber: (word: string, value: string, forms: string) => `'${word}': '${value}' is not a number: ${forms}`,
  wordProblem: (word: string, problem: string) => `'${word}': ${problem}`,
  receiptEmpty: 'nothing to compute: give items as NAME=PRICExQTY (backprop apple=100x2 tax=1.1) or an expression (backprop "x*y" x=2 y=3)',
  receiptNoItem:
    'a receipt needs at least one item: give items as NAME=PRICExQTY (backprop apple=100x2 tax=1.1) or an expression (backprop "x*y" x=2 y=3)',
  namesBoth: (name: string, other: string, what: string) => `'${name}' names both ${other} and ${what}: rename one of them`,
  quantityOf: (given: string) => `the quantity of ${given}`,
  costOf: (word: string) => `the cost of '${word}'`,
  sumOfItems: 'the sum of the items',
  totalAfter: (word: string) => `the total after '${word}'`,
  theTotal: 'the total',
  freeItem: (word: string) => `'${word}' has price 0; if you typed a $, the shell replaced it and the digit after it: leave the $ out`,
  expandLosesValue: (written: string, x: string, expanded: string, fused: string) =>
    `--expand: ${written} at ${x} is ${expanded} as the book's form computes it, where the fused layer gives ${fused}: the form loses it there (leave out --expand for the fused layer)`,
  expandLosesSlope: (written: string, x: string, expanded: string, fused: string) =>
    `--expand: the slope of ${written} at ${x} is ${expanded} as the book's form computes it, where the fused layer gives ${fused}: the form loses it there (leave out --expand for the fused layer)`,
  factorNotAmount: (word: string, name: string, value: string) =>
    `'${word}' multiplies the total by ${value}; to add or take off an amount, give its sign (${name}=+${value} or ${name}=-${value})`,
  fileHere: (word: string) =>
    `'${word}' is a file here: the shell replaced an unquoted * with the names of the files; put the expression in quotes (backprop "2 * x" x=3)`,
  splitValue: (split: string, joined: string) => `'${split}' is one value split by spaces: write ${joined}, with no space`,
  oneArgument: (word: string, parts: string) =>
    `'${word}' is one argument: give each NAME=VALUE as an argument of its own (${parts}), without quotes around them all`,
  noEquals: (word: string, fixed: string) => `'${word}' has no '=': write ${fixed}`,
  strayBinding: (word: string, name: string, value: string) =>
    `'${word}': give an input a number (${name}=0.5), or compute it in the expression (${name} = ${value}; …)`,
  strayGiven: (word: string) => `'${word}': the expression came with -e or -f, so give only inputs as NAME=VALUE (x=2)`,
  strayWord: (word: string) => `'${word}': give one expression, in quotes if it has spaces or * (backprop "2 * x" x=3), then inputs as NAME=VALUE`,
  twoExpressions: (expression: string, word: string) =>
    `'${expression}' and '${word}': give one expression, in quotes if it has spaces or * (backprop "2 * x" x=3), then inputs as NAME=VALUE`,
  emptyValue: (word: string, name: string) => `'${word}' has no value after its =: give a number (${name}=1.1), an amount (${name}=+5) or a percent (${name}=+10%)`,
  noPrice: (word: string) => `'${word}' has no price; if you typed a $, the shell replaced it and the digit after it: leave the $ out`,

  // The command line.
  withHint: (message: string, hint: string) => `${message}${hint}`,
  seeHelp: ' (see backprop --help)',
  dashExpression: (option: string) =>
    `: an expression that starts with - goes after -e or -- (backprop -e "${option}" …, backprop -- "${option}" …)`,
  unknownOption: (option: string) => `unknown option '${option}'`,
  unknownOptionMeant: (option: string, meant: string) => `unknown option '${option}' (Did you mean ${meant}?)`,
  optionMissing: (option: string) => `option '${option}' argument missing`,
  invalidArgument: (option: string, value: string, reason: string) => `option '${option}' argument '${value}' is invalid. ${reason}`,
  choose: (choices: string) => `Allowed choices are ${choices}.`,
  goesWithTrain: (option: string) => `--${option} goes with --train: add --train`,
  trainNames: (given: string) => `--train '${given}': give input names separated by commas (--train w,b), or put --train last to train them all`,
  exprAndFile: 'give the expression once: with -e or with -f, not both',
  goesWithBatch: (option: string) => `--${option} goes with --batch: give both, or neither`,
  stdinTwice: '-f - and --batch both read standard input: give the program with -e or -f FILE, or the lines with --batch FILE',
  wholeNumber: (least: number, most: number) => `give a whole number from ${least} to ${most}`,
  positiveNumber: (example: number) => `give a positive number, e.g. ${example}`,
  notNegative: 'give a number of 0 or more',
  sentence: (message: string) => `${message}.`,

  // Files, and why one could not be read or written: the system's reasons in words.
  standardInput: 'standard input',
  cannotRead: (where: string, reason: string) => `cannot read ${where}: ${reason}`,
  cannotWrite: (reason: string) => `cannot write the output: ${reason}`,
  sourceTooLarge: (where: string, mebibytes: number) => `${where} is larger than ${mebibytes} MiB: split the program`,
  sourceEmpty: (where: string) => `${where} is empty`,
  stdinEmpty: "standard input is empty: pipe the program in, e.g. echo 'x*y' | backprop -f - x=2 y=3",
  notUtf8: (where: string, offset: number, hex: string) => `${where} is not UTF-8: byte ${offset} (0x${hex}) is not part of a character; save it as UTF-8`,
  argumentNotUtf8: (word: string, offset: number, hex: string) =>
    `the argument '${word}' is not UTF-8: byte ${offset} (0x${hex}) is not part of a character; give it in UTF-8 (set the terminal or the script to UTF-8)`,
  ENOENT: 'no such file',
  ENOTDIR: 'a folder on the way is a file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBADF: 'it is closed',
  ENOSPC: 'no space left on device',
  EFBIG: 'the file has grown past its size limit',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error',
  /** A reason not listed above: the system's own words, in English only. */
  systemError: (_code: string, message: string) => message,

  // The math.
  valueNaN: (label: string, value: string) => `${label} is not a number (${value})`,
  valueInfinite: (label: string, value: string) => `${label} is infinite (${value})`,
  computedNaN: (label: string, computation: string, value: string) => `${label} is not a number: ${computation} = ${value}`,
  computedInfinite: (label: string, computation: string, value: string) => `${label} is infinite: ${computation} = ${value}`,
  andMore: (more: number) => ` (and ${more} more)`,
  andMoreGradients: (message: string, more: number) => `${message} (and ${more} more gradients)`,
  gradientIs: (derivative: string, value: string) => `${derivative} is ${value}`,
  sharesOverflow: (gradient: string) => `${gradient}: its shares add up beyond the largest number (about 1.8e308)`,
  sharesOfOverflow: (gradient: string, derivative: string) => `${gradient}: the shares of ${derivative} add up beyond the largest number (about 1.8e308)`,
  noDerivative: (gradient: string, node: string, argument: string, point: string) =>
    `${gradient}: ${node} has no derivative with respect to ${argument} at ${point}`,
  zeroTimesInfinity: (gradient: string, node: string, point: string) => `${gradient}: the chain rule meets 0 × ∞ at ${node} (${point})`,
  noFiniteDerivative: (gradient: string, node: string, point: string) => `${gradient}: ${node} has no finite derivative at ${point}`,
  overflowsThrough: (gradient: string, node: string, product: string) => `${gradient}: it overflows going back through ${node} (${product})`,
  overflowsAt: (gradient: string, node: string, point: string) => `${gradient}: it overflows going back through ${node} at ${point}`,
  checkTooLong: (passes: number, nodes: number) => `--check would run ${passes} forward passes over ${nodes} nodes, too many to wait for: leave it out for this graph`,
  checkTooLongArrays: (elements: number, work: string) =>
    `--check would move ${elements} elements one at a time, about ${work} multiply-adds, too many to wait for: check a smaller net or batch, or leave it out`,
  trainTooLong: (epochs: number, nodes: number, most: number) =>
    `--train would run ${epochs} epochs over ${nodes} nodes, too many to wait for: give at most ${most} for this graph (--epochs)`,
  trainTooLongArrays: (epochs: number, work: string, most: number) =>
    `--train would run ${epochs} epochs of about ${work} multiply-adds each, too many to wait for: give --epochs ${most} or fewer, or a smaller net or batch`,
  nudgeTooLong: (nudges: number, nodes: number) => `${nudges} nudges would run ${nudges} forward passes over ${nodes} nodes, too many to wait for: give fewer --nudge`,
  nudgeTooLongArrays: (nudges: number, work: string, most: number) =>
    `${nudges} nudges would run ${nudges} forward passes of about ${work} multiply-adds each, too many to wait for: give ${most} --nudge or fewer, or a smaller net or batch`,
  outOfRange: (name: string, value: string, rule: string) => `${name} is ${value}: ${rule}`,
  nudgeNotFinite: (name: string, value: string, output: string) => `--nudge ${name}: at ${name} = ${value} the output is ${output}; nudge it less`,
  checkDisagrees: (derivative: string, others: string, backprop: string, numerical: string, absolute: number, relative: number) =>
    `--check: ${derivative} disagrees${others}: backprop ${backprop}, numerical ${numerical}, beyond ${absolute} + ${relative} × |numerical|`,
  checkDisagreesArray: (derivative: string, others: string, difference: string, error: string, absolute: number, relative: number) =>
    `--check: ${derivative} disagrees${others}: mean |Δ| ${difference}, largest relative error ${error}, beyond ${absolute} + ${relative} × |numerical| for some element`,
  diverged: (epoch: number, what: string, rate: number) => `training diverged at epoch ${epoch}: ${what} (try a smaller --rate than ${rate})`,
  isValue: (name: string, value: string) => `${name} is ${value}`,

  // Options that do not go together, and the modes' own errors.
  jsonWithFormat: (format: string) => `--json is --format json: it does not go with --format ${format}`,
  batchWithFormat: (format: string) => `--batch writes a JSON document per line: it does not go with --format ${format}`,
  notWithBatch: (option: string) => `--${option} does not go with --batch: give one of them`,
  legendForward: 'value going forward above each arrow,',
  legendBackward: (d: string) => `${d} coming back below`,
  pageSlider: 'slider',
  pageNeedsNumber: 'type a number',
  pageCell: (name: string, row: number, column: number) => `${name}, row ${row}, column ${column}`,
  pageElement: (name: string, index: number) => `${name}, element ${index}`,
  pageArrayTooLarge: (most: string) => `too large to change here (at most ${most})`,
  pageCaption: (d: string) => `Each input, its value and ${d}: change a value to run the graph again`,
  pageSteps: 'Chain rule',
  pageStepsHint: 'Point at, tap or focus a node of the picture or a row of the table to see its steps.',
  pagePicture: 'the computational graph',
  pageTooLarge: (size: number, most: number) => `The graph has ${size} nodes, too many to draw (at most ${most}).`,
  svgTooLarge: (size: number, most: number) => `the graph has ${size} nodes, too many to draw (at most ${most}): use --format dot and Graphviz's own tools`,
  theTable: 'the table',
  theArrays: 'the arrays (--full)',
  viewTooLong: (view: string, megabytes: number) =>
    `${view} would print more than ${megabytes} MB for this program (long names on many lines): shorten the names, or ask for --json, whose size follows the program`,
  optionTooLong: (option: string, megabytes: number) =>
    `${option} would print more than ${megabytes} MB for this program (long names on many lines): shorten the names, leave ${option} out, or raise the limit with BACKPROP_VIEW_MB`,
  viewTooLarge: (view: string, nodes: number, most: number) =>
    `${view} shows every node, and this program has ${nodes} nodes, more than ${most}: leave ${view} out (--json and the table show any size)`,
  textOrJson: (option: string, format: string) => `--${option} shows text or JSON: it does not go with --format ${format}`,
  orderArrays: (n: number) => `--order ${n} is not for arrays: on arrays --order gives second derivatives alone, the Hessian of their elements: ask for --order 2`,
  orderArraysPicture: (n: number) =>
    `a picture of --order ${n} draws the derivative of a program of numbers, and this one has arrays: leave out --format for the Hessian's table, or ask for --json`,
  hessianElements: (elements: number, most: number) =>
    `the Hessian of arrays has a row and a column for each element of the inputs, and these have ${elements}, more than ${most}: mark what is data as data (detach(X)), or leave out --order for the gradient`,
  orderInputs: (n: number, inputs: number) =>
    `--order ${n} is for a program of one input, and this one has ${inputs}: write the others as numbers in the expression, or ask for --order 2, the Hessian`,
  orderPicture: (n: number, inputs: number) =>
    `a picture of --order ${n} draws the derivative of a program of one input, and this one has ${inputs}: write the others as numbers, or leave out --format for the Hessian's table`,
  modeOption: 'how the derivatives are computed: reverse (backpropagation, the default), forward (a pass of dual numbers per input), or both, with what each cost',
  modeArrays: '--mode forward takes a program of numbers, and this one has arrays: leave out --mode for backpropagation, or compare the gradient with --check',
  modeTooLong: (passes: number, nodes: number) => `--mode forward would run ${passes} passes over ${nodes} nodes, too many to wait for: leave it out for this graph, as backpropagation needs one`,
  modeWithOrder: (mode: string) => `--mode ${mode} gives first derivatives, and --order asks for higher ones: leave out one of them`,
  newtonOption: 'with --train: Newton’s method, each step x − f′(x)/f″(x) (the Hessian’s for several inputs), rather than gradient descent',
  compareOption: 'with --newton: run gradient descent from the same start too, and show both',
  newtonInputs: (inputs: number, most: number) => `--newton solves with the Hessian of the inputs trained, and ${inputs} are more than ${most}: name fewer after --train (--train w,b), or leave out --newton`,
  newtonElements: (elements: number, most: number) =>
    `--newton solves with the Hessian of every element trained, and these have ${elements}, more than ${most}: name fewer after --train (--train b), or leave out --newton`,
  newtonFlat: (epoch: number, output: string) => `Newton’s method has no step at epoch ${epoch}: the second derivative of ${output} is 0 there (its Hessian has no inverse); leave out --newton for gradient descent`,
  goesWithNewton: (option: string) => `--${option} goes with --newton: add --newton`,
  notWithTrain: (option: string) => `--${option} does not go with --train, which shows the training instead`,
  nothingToTrain: '--train: the program has no inputs to train: give it one (x = 1, or x=1 on the command line)',
  trainedTwice: (name: string) => `--train: '${name}' is named twice`,
  notTrainable: (name: string, inputs: string) => `--train: '${name}' is not an input of the program (its inputs: ${inputs})`,
  nudgeForm: 'write NAME=+CHANGE or NAME=-CHANGE, the sign required (apple=+1, x=-0.5, tax=+10%)',
  notNudgeable: (name: string, inputs: string) => `--nudge ${name}: not an input of this graph; nudge one of ${inputs}`,
  nudgeElement: (name: string, shape: string, example: string) => `--nudge ${name}: the array is ${shape}: nudge one element of it, counted from 0 (${example})`,
  nudgeNumber: (shown: string, name: string) => `--nudge ${shown}: ${name} is a number, not an array: nudge it as ${name}=+CHANGE`,

  // Standard error's prefixes.
  shapeMatmul: (formula: string, x: string, xShape: string, w: string, wShape: string, inner: number, rows: number) =>
    `${formula}: ${x} is ${xShape} and ${w} is ${wShape}; the inner sizes ${inner} and ${rows} must be equal`,
  shapeMatmulNumber: (formula: string, operand: string) => `${formula}: ${operand} is a number, and @ multiplies arrays: write * for a number`,
  shapeBroadcast: (formula: string, x: string, xShape: string, y: string, yShape: string) =>
    `${formula}: ${x} is ${xShape} and ${y} is ${yShape}, which do not broadcast: from the last axis on, each pair of sizes must be equal or one of them 1`,
  axisConstant: (formula: string, axis: string) => `${formula}: the axis ${axis} must be a whole number written in the program: 0, 1 or -1`,
  axisMissing: (formula: string, axis: number, shape: string, rank: number) =>
    `${formula}: an array of shape ${shape} has no axis ${axis}: its axes are ${rank === 1 ? '0' : '0 (down the rows) and 1 (along each row)'}, or -1 for the last`,
  shapeNeedsArray: (formula: string) => `${formula} takes an array, a vector or a matrix, not a number`,
  shapeLabels: (formula: string, t: string, tShape: string, y: string, yShape: string, indices: string) =>
    `${formula}: the labels ${t} are ${tShape} where the scores ${y} are ${yShape}: give one-hot rows of shape ${yShape}, or a class index a row (shape ${indices})`,
  labelOutOfRange: (formula: string, t: string, label: number, most: number) => `${formula}: ${label} in ${t} is no class: give a whole number from 0 to ${most}`,
  shapeBias: (formula: string, b: string, bShape: string, product: string, columns: number) =>
    `${formula}: the bias ${b} is ${bShape} where X · W is ${product}: give it one number a column, shape ${columns}`,
  outputArray: (output: string, shape: string) =>
    `${output} is an array of shape ${shape}, and backward starts from one number: take a number of it, as sum(${output}) or a loss (softmax_with_loss)`,
  rankTooHigh: (rank: number) => `an array of ${rank} axes: backprop takes numbers, vectors and matrices (2 axes at most)`,
  raggedArray: (row: number, length: number, first: number) =>
    `row ${row} has ${length} number${length === 1 ? '' : 's'} where the first row has ${first}: give every row of a matrix as many numbers`,
  internalError: (message: string) => `internal error: ${message} (BACKPROP_DEBUG=1 shows where)`,
  error: 'error:',
  note: 'note:',
  ...batchMessages,
};

export type Messages = typeof en;
