import { batchMessages, type Messages } from './en.js';

/** 日本語: 『ゼロから作る Deep Learning』の用語 (順伝播、逆伝播、計算グラフ、連鎖律、勾配確認、上流)。 */
export const ja: Messages = {
  input: '入力',
  name: '名前',
  value: '値',
  numerical: '数値微分',
  relativeError: '相対誤差',
  check: '勾配確認',
  agrees: '一致',
  disagrees: '不一致',
  kinkAt: (node) => `折れ点: ${node}`,
  leavesDomain: 'x ± h が定義域の外',
  noInputs: '微分する入力がない: プログラムが数だけでできている (backprop "x*3" x=2 のように入力を指定してください)',
  undefinedNumber: '未定義',

  backpropLabel: '逆伝播:',
  numericalLabel: '数値微分:',
  backpropCost: (time) => `順伝播 1 回 + 逆伝播 1 回、${time}`,
  numericalCost: (passes, time) => `順伝播 ${passes} 回 (入力ごとに 2 回)、${time}`,
  timesBackprop: (ratio) => `、逆伝播の ${ratio} 倍の時間`,
  agreeWhen: (absolute, relative) => `|逆伝播 − 数値微分| ≤ ${absolute} + ${relative} × |数値微分| なら一致`,

  forward: '順伝播',
  nothingToCompute: (leaf) => `計算するものはない、${leaf}`,
  isAnother: (output, leaf) => `${output} = ${leaf}`,
  backwardFrom: (start) => `逆伝播 (連鎖律: 上流の勾配 × 局所的な微分)、${start} から`,
  usedTimes: (name, times, sum) => `${name} は ${times} か所で使われる: ${sum}`,
  zeroUpstream: (upstream) => `${upstream} が 0 なので、何も逆に流れない`,
  constantArguments: '引数がすべて数なので、何も逆に流れない',

  treeLegend: (output) => `(演算) ノード = 値  ∂ = ∂${output}/∂ノード`,
  treeCut: (lines) => `… ${lines} 行で打ち切り: --format dot ならグラフ全体を描く`,
  mermaidTitle: (output) => `∂ = ∂${output}/∂ノード`,

  nudge: '変化',
  predicted: (output) => `予測 Δ${output}`,
  actual: (output) => `実際の Δ${output}`,
  difference: '差',
  nudgeNote: '予測: 勾配 × 変化、接線に沿って; 差: 実際 − 予測',

  gradientDescent: '勾配降下法',
  trainingOn: (descent, output, rate, why) => `${output} の${descent}、学習率 ${rate}: ${why}`,
  epochCount: (epochs) => `${epochs} エポック`,
  stoppedAfter: (epochs, output, tolerance) => `${epochs}で停止: ${output} の変化が ${tolerance} 以下 (--tolerance)`,
  ranEpochs: (epochs) => `${epochs} (--epochs)`,
  start: '開始',
  final: '最終',
  byEpoch: (output) => `エポックごとの ${output}`,
  logScale: ' (対数目盛)',
  progress: (epoch, epochs, output, value) => `エポック ${epoch}/${epochs}: ${output} = ${value}`,

  usageTitle: '使い方:',
  usage: '[オプション] [EXPRESSION] [NAME=VALUE ...]',
  wordsName: '単語',
  textValue: '式',
  pathValue: 'パス',
  formValue: '形式',
  digitsValue: '桁数',
  inputsValue: '入力',
  numberValue: '数',
  fileValue: 'ファイル',
  languageValue: '言語',
  optionFlags: (option, value) => `${option} <${value}>`,
  argumentsTitle: '引数:',
  optionsTitle: 'オプション:',
  choices: '選択肢',
  examples: `例:
  backprop apple=100x2 orange=150x3 tax=1.1       本のレシート: 価格 715
  backprop apple=100x2 tax=+10% coupon=-20        パーセントと金額
  backprop "y = sigmoid(w*x + b)" w=2 x=0.5 b=-1  式とその入力
  backprop -f model.txt --all                     ファイルのプログラム
  backprop apple=100x2 tax=1.1 --json | jq .gradients
  echo '{"x": 3}' | backprop "x*y" y=2 --batch   JSON 行を入れ、JSON 行を出す
  backprop "loss = (w*2 + b - 5)^2" w=0 b=0 --train  w, b の勾配降下法
`,
  reference: (functions, pairs) => `
レシートの単語 (単語の中に空白なし):
  NAME=PRICExQTY        品目: apple=100x2 (間に x, X, * か ×)
  NAME=FACTOR           合計に掛ける: tax=1.1
  NAME=+N, NAME=-N      合計に足す: shipping=+5, coupon=-20
  NAME=+P%, NAME=-P%    パーセントの増減: tax=+10%, discount=-15%

式 (引用符で囲んだ 1 つの引数; - で始まる式は -e の後に):
  演算子     + - * / と ^ か ** (累乗)、括弧; × − ÷ も使える
             -x^2 は -(x^2)、2^3^2 は 2^9
  関数       ${functions}
             (${pairs}: 引数 2 つ)
  文         NAME = expr、; か改行で区切る; # 以降はコメント
  値が数、PRICExQTY、符号付きパーセントの単語 NAME=VALUE は入力、
  それ以外の単語は式: "y=2*x" x=3。

終了ステータス: 0 成功; 1 計算か出力の失敗 (オーバーフロー、1/0、正でない数の
log、0 × ∞、--train の発散、ディスクが一杯)、--check が不一致を見つけた、
または --batch で失敗した行がある; 2 入力の誤り。--json か --batch では、
エラーは標準エラー出力の JSON オブジェクトで、message は英語:
{"error": {"status", "kind", "message", …}}。

詳しくは: インストールしたパッケージの README.md、
$(npm root -g)/backprop/README.md
(ローカルなら node_modules/backprop/README.md)。
`,
  description: 'レシートか式の計算グラフを作り、順伝播と逆伝播を行って、出力と、すべての入力についての出力の偏微分を表示する。',
  wordsArgument: 'レシートの単語、または式とその入力 (NAME=VALUE)',
  exprOption: '式 (文は ; か改行で区切る)',
  fileOption: 'ファイルから式を読む; - は標準入力',
  jsonOption: 'JSON で出力 (--format json の略)',
  formatOption: 'table (既定)、json; svg は本のようにグラフを描き、dot と mermaid は他のツール向けにグラフを記述し、html は動くページを書く',
  allOption: '中間の値とその勾配も表示',
  precisionOption: (digits: number, json: number) => `計算した値の有効桁数 (既定: ${digits}、JSON では ${json})`,
  stepsOption: '順伝播と逆伝播を一歩ずつ表示 (連鎖律)',
  graphOption: '計算グラフを木として描く',
  expandOption: (composites) => `${composites} を基本ノードで組み立て、すべての段階を見せる`,
  checkOption: (absolute, relative) =>
    `勾配確認: 各勾配を中心差分と比べ、両方の時間を測る; 差が ${absolute} + ${relative} × |数値微分| を超えればステータス 1`,
  nudgeOption: '入力を D だけ動かす (-D、+1% も; 繰り返し可): 実際の変化を 勾配 × D の横に表示',
  trainOption: 'これらの入力について勾配降下法で出力を最小化 (w,b; 名前がなければすべて)',
  rateOption: (rate) => `--train の学習率 (既定: ${rate})`,
  epochsOption: (epochs) => `--train の最大ステップ数 (既定: ${epochs})`,
  toleranceOption: (tolerance) => `1 ステップでの出力の変化がこれ以下なら --train は止まる (既定: ${tolerance})`,
  batchOption:
    '標準入力 (またはファイル) の行ごとにグラフを 1 回評価: 1 行に入力値の JSON オブジェクト 1 つ、' +
    'または入力名のヘッダを持つ .csv ファイル; 1 行に JSON 文書 1 つを出力',
  failFastOption: '--batch で、最初に失敗した行で止まる',
  csvOption: '--batch で、行を CSV として読む。最初の行が入力の名前 (.csv ファイルと同じ)',
  langOption: '表示する言葉の言語 (既定: LC_ALL、LC_MESSAGES、LANG から、なければ en)',
  colorOption: '端末でなくても色を付ける',
  noColorOption: '色を付けない (NO_COLOR=1 や TERM=dumb でも同じ)',
  versionOption: 'バージョンを表示',
  helpOption: 'このヘルプを表示',
  and: (items) => items.join('、'),

  where: (line, column) => `${line} 行 ${column} 列`,
  at: (message, where) => `${message} (${where})`,
  unexpectedCharacter: (char) => `予期しない文字 ${char}`,
  notInName: (char) => `${char} は名前に使えない: 名前は文字、数字、_ でできる`,
  character: (char, code, kind) => `'${char}' (${code}、${kind})`,
  aSymbol: '記号',
  aPunctuationMark: '句読点',
  aSpace: '空白',
  aNumberSign: '数字ではない数の記号',
  aControlCharacter: '見えない制御文字か書式文字',
  anInvisibleCharacter: '見えない文字',
  unusedValue: 'この値は使われていない: 名前を付ける (NAME = …) か、最後の文にしてください',
  emptyExpression: '式が空: 式を書いてください。例: backprop "x*y" x=2 y=3',
  resultTaken: "最後の文に名前がなく、'result' はすでに使われている: 名前を付けてください (NAME = …)",
  unknownFunction: (name, functions) => `未知の関数 '${name}': 関数は ${functions}`,
  unknownFunctionMeant: (name, meant, functions) => `未知の関数 '${name}': ${meant} のことですか? (関数は ${functions})`,
  isFunctionCall: (name) => `'${name}' は関数: ${name}(…) と書いてください`,
  expectedOperand: (found) => `数、名前か '(' が必要なところに ${found} が来た`,
  expectedOperandAfter: (previous, found) => `'${previous}' の後には数、名前か '(' が必要だが、${found} が来た`,
  commaOutside: "予期しない ',': コンマは max(a, b) のように関数の引数を区切る",
  extraComma: (takes) => `予期しない ',': ${takes}`,
  noOpenParen: "予期しない ')': 閉じる '(' がない",
  moreArguments: (name, takes) => `'${name}' の引数が足りない: ${takes}`,
  neverClosed: (paren) => `この '${paren}' が閉じられていない: ')' を補ってください`,
  expectedOperator: (found) => `${found} の前に演算子が必要`,
  expectedOperatorMultiply: (found, left, right) => `${found} の前に演算子が必要 (掛けるなら ${left} * ${right} と書いてください)`,
  tooDeep: (most) => `括弧の入れ子が ${most} 段より深い: 式を名前付きの文に分けてください`,
  functionName: (name) => `'${name}' は関数の名前: 別の名前を選んでください`,
  usedBeforeDefined: (name, where) => `'${name}' が定義の前に使われている (${where}): この定義をその前に移してください`,
  definedTwice: (name, where) => `'${name}' はすでに定義されている (${where}): どちらかの名前を変えてください`,
  boundTwice: (word, name) => `'${word}': '${name}' に値が 2 度与えられた`,
  noSuchInput: (word, name) => `'${word}': 式に入力 '${name}' はない`,
  noSuchInputOf: (word, name, inputs) => `'${word}': 式に入力 '${name}' はない (入力: ${inputs})`,
  computed: (word, name) => `'${word}': '${name}' は式が計算する値なので、値を指定できない; 代わりにその入力に値を指定してください`,
  noValue: (names, _count, first) => `${names} に値がない: コマンドラインで指定する (${first}=2) か、式で定義してください (${first} = 2)`,
  tooLarge: (number) => `${number} は大きすぎる (最大の数は約 1.8e308)`,
  takesOne: (f) => `${f} の引数は 1 つ: ${f}(x)`,
  takesTwo: (f) => `${f} の引数は 2 つ: ${f}(a, b)`,
  endOfExpression: '式の終わり',
  endOfLine: '行の終わり',
  listMore: (shown, more) => `${shown} ほか ${more} 個`,

  forms: 'NAME=PRICExQTY (apple=100x2)、NAME=FACTOR (tax=1.1)、NAME=+AMOUNT (shipping=+5, coupon=-20)、NAME=±PERCENT (tax=+10%) のどれかで書いてください',
  notNameValue: (word, forms) => `'${word}' は NAME=VALUE ではない: ${forms}`,
  percentSign: (word, name, size) => `'${word}': パーセントに符号を付けてください: ${name}=+${size}% は ${size}% 足し、${name}=-${size}% は ${size}% 引く`,
  notFinite: (word) => `'${word}': 入力には有限の数を指定してください`,
  notNumber: (word, value, forms) => `'${word}': '${value}' は数ではない: ${forms}`,
  wordProblem: (word, problem) => `'${word}': ${problem}`,
  receiptEmpty: '計算するものがない: 品目を NAME=PRICExQTY で指定する (backprop apple=100x2 tax=1.1) か、式を指定してください (backprop "x*y" x=2 y=3)',
  receiptNoItem: 'レシートには品目が 1 つ以上必要: 品目を NAME=PRICExQTY で指定する (backprop apple=100x2 tax=1.1) か、式を指定してください (backprop "x*y" x=2 y=3)',
  namesBoth: (name, other, what) => `'${name}' が ${other} と ${what} の両方を指している: どちらかの名前を変えてください`,
  quantityOf: (given) => `${given} の数量`,
  costOf: (word) => `'${word}' の金額`,
  sumOfItems: '品目の合計',
  totalAfter: (word) => `'${word}' の後の合計`,
  theTotal: '合計',
  freeItem: (word) => `'${word}' の価格が 0; $ を入力したなら、シェルが $ とその後の数字を置き換えた: $ を外してください`,
  factorNotAmount: (word, name, value) =>
    `'${word}' は合計に ${value} を掛ける; 金額を足したり引いたりするなら符号を付けてください (${name}=+${value} か ${name}=-${value})`,
  fileHere: (word) => `'${word}' はここではファイル: シェルが引用符のない * をファイル名に置き換えた; 式を引用符で囲んでください (backprop "2 * x" x=3)`,
  splitValue: (split, joined) => `'${split}' は空白で分かれた 1 つの値: 空白なしで ${joined} と書いてください`,
  oneArgument: (word, parts) => `'${word}' は 1 つの引数: 全体を引用符で囲まずに、NAME=VALUE をそれぞれ別の引数にしてください (${parts})`,
  noEquals: (word, fixed) => `'${word}' に '=' がない: ${fixed} と書いてください`,
  strayBinding: (word, name, value) => `'${word}': 入力には数を指定する (${name}=0.5) か、式の中で計算してください (${name} = ${value}; …)`,
  strayGiven: (word) => `'${word}': 式は -e か -f で指定されたので、入力だけを NAME=VALUE で指定してください (x=2)`,
  strayWord: (word) => `'${word}': 式は 1 つだけ、空白か * があれば引用符で囲んで (backprop "2 * x" x=3) 指定し、入力は NAME=VALUE で指定してください`,
  twoExpressions: (expression, word) =>
    `'${expression}' と '${word}': 式は 1 つだけ、空白か * があれば引用符で囲んで (backprop "2 * x" x=3) 指定し、入力は NAME=VALUE で指定してください`,
  emptyValue: (word, name) => `'${word}': = の後に値がない: 数 (${name}=1.1)、金額 (${name}=+5) か割合 (${name}=+10%) を指定してください`,
  noPrice: (word) => `'${word}' に価格がない; $ を入力したなら、シェルが $ とその後の数字を置き換えた: $ を外してください`,

  withHint: (message, hint) => `${message}${hint}`,
  seeHelp: ' (backprop --help を参照)',
  dashExpression: (option) => `: - で始まる式は -e か -- の後に書いてください (backprop -e "${option}" …, backprop -- "${option}" …)`,
  unknownOption: (option) => `未知のオプション '${option}'`,
  unknownOptionMeant: (option, meant) => `未知のオプション '${option}' (${meant} のことですか?)`,
  optionMissing: (option) => `オプション '${option}' の値がない`,
  invalidArgument: (option, value, reason) => `オプション '${option}' の値 '${value}' は不正。${reason}`,
  choose: (choices) => `選べる値: ${choices}。`,
  goesWithTrain: (option) => `--${option} は --train と一緒に使う: --train を付けてください`,
  trainNames: (given) => `--train '${given}': 入力名をコンマで区切って指定する (--train w,b) か、すべて学習するなら --train を最後に置いてください`,
  exprAndFile: '式は 1 度だけ: -e か -f のどちらかで指定してください',
  goesWithBatch: (option) => `--${option} は --batch と一緒に使う: 両方指定するか、どちらも指定しないでください`,
  stdinTwice: '-f - と --batch の両方が標準入力を読む: プログラムを -e か -f FILE で、または行を --batch FILE で指定してください',
  wholeNumber: (least, most) => `${least} から ${most} までの整数を指定してください`,
  positiveNumber: (example) => `正の数を指定してください。例: ${example}`,
  notNegative: '0 以上の数を指定してください',
  sentence: (message) => `${message}。`,

  standardInput: '標準入力',
  cannotRead: (where, reason) => `${where} を読めない: ${reason}`,
  cannotWrite: (reason) => `出力を書けない: ${reason}`,
  sourceTooLarge: (where, mebibytes) => `${where} が ${mebibytes} MiB より大きい: プログラムを分けてください`,
  sourceEmpty: (where) => `${where} が空`,
  stdinEmpty: "標準入力が空: プログラムをパイプで渡してください。例: echo 'x*y' | backprop -f - x=2 y=3",
  notUtf8: (where, offset, hex) => `${where} は UTF-8 ではない: バイト ${offset} (0x${hex}) が文字の一部になっていない; UTF-8 で保存してください`,
  argumentNotUtf8: (word, offset, hex) =>
    `引数 '${word}' は UTF-8 ではない: バイト ${offset} (0x${hex}) が文字の一部になっていない; UTF-8 で入力してください (端末やスクリプトを UTF-8 に設定してください)`,
  ENOENT: 'そのようなファイルはない',
  ENOTDIR: '途中のフォルダがファイル',
  EISDIR: 'ディレクトリである',
  EACCES: '権限がない',
  EPERM: '許可されていない操作',
  ELOOP: 'シンボリックリンクが多すぎる',
  ENAMETOOLONG: '名前が長すぎる',
  EMFILE: '開いているファイルが多すぎる',
  ENFILE: 'システムで開いているファイルが多すぎる',
  EBADF: '閉じられている',
  ENOSPC: 'デバイスに空き領域がない',
  EFBIG: 'ファイルがサイズの上限を超えた',
  EDQUOT: 'ディスクのクォータを使い切った',
  EROFS: '読み取り専用のファイルシステム',
  EIO: '入出力エラー',
  systemError: (code, _message) => `システムエラー ${code}`,

  valueNaN: (label, value) => `${label} は数ではない (${value})`,
  valueInfinite: (label, value) => `${label} は無限大 (${value})`,
  computedNaN: (label, computation, value) => `${label} は数ではない: ${computation} = ${value}`,
  computedInfinite: (label, computation, value) => `${label} は無限大: ${computation} = ${value}`,
  andMore: (more) => ` (ほか ${more} 個)`,
  andMoreGradients: (message, more) => `${message} (ほかに勾配 ${more} 個)`,
  gradientIs: (derivative, value) => `${derivative} = ${value}`,
  sharesOverflow: (gradient) => `${gradient}: 集まる勾配の和が最大の数 (約 1.8e308) を超える`,
  sharesOfOverflow: (gradient, derivative) => `${gradient}: ${derivative} に集まる勾配の和が最大の数 (約 1.8e308) を超える`,
  noDerivative: (gradient, node, argument, point) => `${gradient}: ${point} で ${node} は ${argument} について微分できない`,
  zeroTimesInfinity: (gradient, node, point) => `${gradient}: 連鎖律が ${node} (${point}) で 0 × ∞ になる`,
  noFiniteDerivative: (gradient, node, point) => `${gradient}: ${point} で ${node} の微分が有限でない`,
  overflowsThrough: (gradient, node, product) => `${gradient}: ${node} を逆にたどるところでオーバーフロー (${product})`,
  overflowsAt: (gradient, node, point) => `${gradient}: ${point} で ${node} を逆にたどるところでオーバーフロー`,
  checkTooLong: (passes, nodes) => `--check はノード ${nodes} 個に順伝播を ${passes} 回行うことになり、待つには多すぎる: このグラフでは外してください`,
  trainTooLong: (epochs, nodes, most) => `--train はノード ${nodes} 個に ${epochs} エポックを行うことになり、待つには多すぎる: このグラフでは ${most} エポック以下にしてください (--epochs)`,
  nudgeTooLong: (nudges, nodes) => `--nudge ${nudges} 個はノード ${nodes} 個に順伝播を ${nudges} 回行うことになり、待つには多すぎる: --nudge を減らしてください`,
  outOfRange: (name, value, rule) => `${name} が ${value}: ${rule}`,
  nudgeNotFinite: (name, value, output) => `--nudge ${name}: ${name} = ${value} で出力が ${output}: 動かす量を小さくしてください`,
  checkDisagrees: (derivative, others, backprop, numerical, absolute, relative) =>
    `--check: ${derivative} が不一致${others}: 逆伝播 ${backprop}、数値微分 ${numerical}、差が ${absolute} + ${relative} × |数値微分| を超える`,
  diverged: (epoch, what, rate) => `学習が ${epoch} エポックで発散: ${what} (--rate を ${rate} より小さくしてみてください)`,
  isValue: (name, value) => `${name} = ${value}`,

  jsonWithFormat: (format) => `--json は --format json: --format ${format} とは一緒に使えない`,
  batchWithFormat: (format) => `--batch は 1 行に JSON 文書 1 つを書く: --format ${format} とは一緒に使えない`,
  notWithBatch: (option) => `--${option} は --batch と一緒に使えない: どちらか 1 つを指定してください`,
  legendForward: '矢印の上は順伝播で進む値',
  legendBackward: (d) => `下は逆伝播で戻る ${d}`,
  pageSlider: 'スライダー',
  pageNeedsNumber: '数値を入力してください',
  pageCaption: (d) => `各入力とその値、${d}: 値を変えてグラフを計算し直してみてください`,
  pageSteps: '連鎖律',
  pageStepsHint: '手順を見るには、図のノードか表の行をポイントするか、タップするか、フォーカスしてください。',
  pagePicture: '計算グラフ',
  pageTooLarge: (size, most) => `グラフのノードは ${size} 個で、描くには多すぎる (最大 ${most} 個)。`,
  svgTooLarge: (size, most) => `グラフのノードは ${size} 個で、描くには多すぎる (最大 ${most} 個): --format dot と Graphviz のツールを使ってください`,
  theTable: '表',
  viewTooLong: (view, megabytes) =>
    `${view} はこのプログラムでは ${megabytes} MB を超えて出力することになる (多くの行に長い名前): 名前を短くするか、大きさがプログラムに比例する --json を使ってください`,
  optionTooLong: (option, megabytes) =>
    `${option} はこのプログラムでは ${megabytes} MB を超えて出力することになる (多くの行に長い名前): 名前を短くするか、${option} を外すか、BACKPROP_VIEW_MB で上限を上げてください`,
  viewTooLarge: (view, nodes, most) => `${view} はノードをすべて表示する: このプログラムのノードは ${nodes} 個で ${most} 個を超える: ${view} を外してください (--json と表はどの大きさでも表示できる)`,
  textOrJson: (option, format) => `--${option} はテキストか JSON で表示する: --format ${format} とは一緒に使えない`,
  notWithTrain: (option) => `--${option} は --train と一緒に使えない: --train は学習の様子を表示する`,
  nothingToTrain: '--train: プログラムに学習する入力がない: 入力を 1 つ指定してください (x = 1、またはコマンドラインで x=1)',
  trainedTwice: (name) => `--train: '${name}' が 2 度指定された`,
  notTrainable: (name, inputs) => `--train: '${name}' はプログラムの入力ではない (入力: ${inputs})`,
  nudgeForm: 'NAME=+CHANGE か NAME=-CHANGE で、符号を付けて書いてください (apple=+1, x=-0.5, tax=+10%)',
  notNudgeable: (name, inputs) => `--nudge ${name}: このグラフの入力ではない; 次のどれかを動かしてください: ${inputs}`,

  internalError: (message) => `内部エラー: ${message} (BACKPROP_DEBUG=1 で場所を表示)`,
  error: 'エラー:',
  note: '注意:',
  ...batchMessages,
};
