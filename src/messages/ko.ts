import { batchMessages, type Messages } from './en.js';
import { particle } from './particle.js';

const quoted = (word: string) => `'${word}'`;

/** 한국어: 『밑바닥부터 시작하는 딥러닝』의 용어 (순전파, 역전파, 계산 그래프, 연쇄법칙, 기울기 확인, 상류). */
export const ko: Messages = {
  input: '입력',
  name: '이름',
  value: '값',
  numerical: '수치 미분',
  relativeError: '상대 오차',
  check: '기울기 확인',
  agrees: '일치',
  disagrees: '불일치',
  kinkAt: (node) => `꺾인 점: ${node}`,
  leavesDomain: 'x ± h가 정의역을 벗어남',
  noInputs: '미분할 입력이 없음: 프로그램이 수로만 되어 있음 (backprop "x*3" x=2처럼 입력을 지정하세요)',
  undefinedNumber: '정의 안 됨',

  backpropLabel: '역전파:',
  numericalLabel: '수치 미분:',
  backpropCost: (time) => `순전파 1번 + 역전파 1번, ${time}`,
  numericalCost: (passes, time) => `순전파 ${passes}번 (입력마다 2번), ${time}`,
  timesBackprop: (ratio) => `, 역전파 시간의 ${ratio}배`,
  agreeWhen: (absolute, relative) => `|역전파 − 수치 미분| ≤ ${absolute} + ${relative} × |수치 미분|이면 일치`,

  forward: '순전파',
  nothingToCompute: (leaf) => `계산할 것이 없음, ${leaf}`,
  isAnother: (output, leaf) => `${output} = ${leaf}`,
  backwardFrom: (start) => `역전파 (연쇄법칙: 상류 기울기 × 국소적 미분), ${start}부터`,
  usedTimes: (name, times, sum) => `${name}: ${times}곳에서 쓰임, ${sum}`,
  zeroUpstream: (upstream) => `${upstream} = 0이므로 거꾸로 흐르는 값이 없음`,
  constantArguments: '인수가 모두 수이므로 거꾸로 흐르는 값이 없음',

  treeLegend: (output) => `(연산) 노드 = 값  ∂ = ∂${output}/∂노드`,
  treeCut: (lines) => `… ${lines}줄에서 자름: --format dot은 그래프 전체를 그림`,
  mermaidTitle: (output) => `∂ = ∂${output}/∂노드`,

  nudge: '움직임',
  predicted: (output) => `예측 Δ${output}`,
  actual: (output) => `실제 Δ${output}`,
  difference: '차이',
  nudgeNote: '예측: 기울기 × 움직임, 접선을 따라; 차이: 실제 − 예측',

  gradientDescent: '경사 하강법',
  trainingOn: (descent, output, rate, why) => `${output}에 대한 ${descent}, 학습률 ${rate}: ${why}`,
  epochCount: (epochs) => `${epochs}에폭`,
  stoppedAfter: (epochs, output, tolerance) => `${epochs} 후 멈춤: ${output}의 변화가 ${tolerance} 이하 (--tolerance)`,
  ranEpochs: (epochs) => `${epochs} (--epochs)`,
  start: '시작',
  final: '최종',
  byEpoch: (output) => `에폭별 ${output}`,
  logScale: ' (로그 눈금)',
  progress: (epoch, epochs, output, value) => `에폭 ${epoch}/${epochs}: ${output} = ${value}`,

  usageTitle: '사용법:',
  usage: '[옵션] [EXPRESSION] [NAME=VALUE ...]',
  wordsName: '단어',
  textValue: '식',
  pathValue: '경로',
  formValue: '형식',
  digitsValue: '자릿수',
  inputsValue: '입력',
  numberValue: '수',
  fileValue: '파일',
  languageValue: '언어',
  optionFlags: (option, value) => `${option} <${value}>`,
  argumentsTitle: '인수:',
  optionsTitle: '옵션:',
  choices: '선택지',
  examples: `예:
  backprop apple=100x2 orange=150x3 tax=1.1       책의 영수증: 가격 715
  backprop apple=100x2 tax=+10% coupon=-20        퍼센트와 금액
  backprop "y = sigmoid(w*x + b)" w=2 x=0.5 b=-1  식과 그 입력
  backprop -f model.txt --all                     파일에 담긴 프로그램
  backprop apple=100x2 tax=1.1 --json | jq .gradients
  echo '{"x": 3}' | backprop "x*y" y=2 --batch   JSON 줄을 넣으면 JSON 줄이 나옴
  backprop "loss = (w*2 + b - 5)^2" w=0 b=0 --train  w, b에 대한 경사 하강법
`,
  reference: (functions, pairs) => `
영수증 단어 (단어 안에 공백 없이):
  NAME=PRICExQTY        품목: apple=100x2 (사이에 x, X, * 또는 ×)
  NAME=FACTOR           합계에 곱함: tax=1.1
  NAME=+N, NAME=-N      합계에 더함: shipping=+5, coupon=-20
  NAME=+P%, NAME=-P%    퍼센트만큼 더하거나 뺌: tax=+10%, discount=-15%

식 (따옴표로 감싼 인수 하나; -로 시작하는 식은 -e 뒤에):
  연산자     + - * /와 ^ 또는 ** (거듭제곱), 괄호; × − ÷도 씀
             -x^2은 -(x^2), 2^3^2은 2^9
  함수       ${functions}
             (${pairs}: 인수 두 개)
  문장       NAME = expr, ; 또는 줄바꿈으로 구분; # 뒤는 주석
  값이 수, PRICExQTY 또는 부호 있는 퍼센트인 단어 NAME=VALUE는 입력,
  그 밖의 단어는 식: "y=2*x" x=3.

종료 상태: 0 성공; 1 계산이나 출력의 실패 (오버플로, 1/0, 양수가 아닌 수의
log, 0 × ∞, --train 발산, 가득 찬 디스크), --check가 불일치를 찾음, 또는
--batch에서 실패한 줄이 있음; 2 잘못된 입력. --json이나 --batch에서는
오류가 표준 오류에 JSON 객체로 나오고, 그 message는 영어:
{"error": {"status", "kind", "message", …}}.

더 보기: 설치된 패키지의 README.md, $(npm root -g)/backprop/README.md
(로컬에 설치했다면 node_modules/backprop/README.md).
`,
  description: '영수증이나 식의 계산 그래프를 만들어 순전파와 역전파를 실행하고, 출력과 모든 입력에 대한 출력의 편미분을 보여 줍니다.',
  wordsArgument: '영수증 단어, 또는 식과 그 입력 (NAME=VALUE)',
  exprOption: '식 (문장은 ; 또는 줄바꿈으로 구분)',
  fileOption: '파일에서 식을 읽음; -는 표준 입력',
  jsonOption: 'JSON으로 출력 (--format json의 줄임)',
  formatOption: 'table (기본), json; svg는 책처럼 그래프를 그리고, dot과 mermaid는 다른 도구를 위해 그래프를 기술하고, html은 살아 있는 페이지를 씀',
  allOption: '중간 값과 그 기울기도 보여 줌',
  precisionOption: (digits: number, json: number) => `계산한 값의 유효 숫자 (기본: ${digits}, JSON에서는 ${json})`,
  stepsOption: '순전파와 역전파를 단계별로 보여 줌 (연쇄법칙)',
  graphOption: '계산 그래프를 트리로 그림',
  expandOption: (composites) => `${composites}: 기본 노드로 풀어 만들어 모든 단계를 보여 줌`,
  checkOption: (absolute, relative) =>
    `기울기 확인: 각 기울기를 중심 차분과 비교하고 둘의 시간을 잼; 차이가 ${absolute} + ${relative} × |수치 미분|을 넘으면 상태 1`,
  nudgeOption: '입력을 D만큼 움직임 (-D, +1%도; 여러 번 가능): 실제 변화를 기울기 × D 옆에 보여 줌',
  trainOption: '이 입력들에 대한 경사 하강법으로 출력을 최소화 (w,b; 이름이 없으면 전부)',
  rateOption: (rate) => `--train의 학습률 (기본: ${rate})`,
  epochsOption: (epochs) => `--train이 밟는 최대 단계 수 (기본: ${epochs})`,
  toleranceOption: (tolerance) => `한 단계에서 출력의 변화가 이 값 이하이면 --train이 멈춤 (기본: ${tolerance})`,
  batchOption:
    '표준 입력(또는 파일)의 줄마다 그래프를 한 번씩 평가: 한 줄에 입력 값의 JSON 객체 하나, 또는 ' +
    '입력 이름을 헤더로 둔 .csv 파일; 한 줄에 JSON 문서 하나를 출력',
  failFastOption: '--batch에서 처음 실패한 줄에서 멈춤',
  csvOption: '--batch에서 줄을 CSV로 읽음: 첫 줄이 입력의 이름 (.csv 파일처럼)',
  langOption: '출력하는 말의 언어 (기본: LC_ALL, LC_MESSAGES, LANG에서, 없으면 en)',
  colorOption: '터미널이 아니어도 색을 씀',
  noColorOption: '색을 쓰지 않음 (NO_COLOR=1, TERM=dumb도 마찬가지)',
  versionOption: '버전을 출력',
  helpOption: '이 도움말을 보여 줌',
  and: (items) => items.join(', '),

  where: (line, column) => `${line}행 ${column}열`,
  at: (message, where) => `${message} (${where})`,
  unexpectedCharacter: (char) => `예상치 못한 문자 ${char}`,
  notInName: (char) => `${particle(char, '은/는')} 이름에 쓸 수 없음: 이름은 글자, 숫자, _로 이루어짐`,
  character: (char, code, kind) => `'${char}' (${code}, ${kind})`,
  aSymbol: '기호',
  aPunctuationMark: '문장 부호',
  aSpace: '공백',
  aNumberSign: '숫자가 아닌 수 기호',
  aControlCharacter: '보이지 않는 제어 문자나 서식 문자',
  anInvisibleCharacter: '보이지 않는 문자',
  unusedValue: '이 값은 쓰이지 않음: 이름을 붙이거나 (NAME = …) 마지막 문장으로 옮기세요',
  emptyExpression: '식이 비어 있음: 식을 쓰세요. 예: backprop "x*y" x=2 y=3',
  resultTaken: "마지막 문장에 이름이 없는데 'result'는 이미 쓰임: 이름을 붙이세요 (NAME = …)",
  unknownFunction: (name, functions) => `알 수 없는 함수 '${name}': 함수는 ${functions}`,
  unknownFunctionMeant: (name, meant, functions) => `알 수 없는 함수 '${name}': ${particle(meant, '을/를')} 쓰려 했나요? (함수는 ${functions})`,
  isFunctionCall: (name) => `함수 '${name}': ${name}(…)처럼 쓰세요`,
  expectedOperand: (found) => `수, 이름 또는 '('가 와야 하는데 나온 것은 ${found}`,
  expectedOperandAfter: (previous, found) => `'${previous}' 뒤에는 수, 이름 또는 '('가 와야 하는데 나온 것은 ${found}`,
  commaOutside: "예상치 못한 ',': 쉼표는 max(a, b)처럼 함수의 인수를 구분함",
  extraComma: (takes) => `예상치 못한 ',': ${takes}`,
  noOpenParen: "예상치 못한 ')': 닫을 '('가 없음",
  moreArguments: (name, takes) => `'${name}'에 인수가 더 필요함: ${takes}`,
  neverClosed: (paren) => `이 ${particle(quoted(paren), '이/가')} 닫히지 않음: ')'를 넣으세요`,
  expectedOperator: (found) => `${found} 앞에 연산자가 필요함`,
  expectedOperatorMultiply: (found, left, right) => `${found} 앞에 연산자가 필요함 (곱하려면 ${left} * ${right}처럼 쓰세요)`,
  tooDeep: (most) => `괄호가 ${most}단계보다 깊게 중첩됨: 식을 이름 붙은 문장들로 나누세요`,
  functionName: (name) => `'${name}': 함수 이름이므로 다른 이름을 고르세요`,
  usedBeforeDefined: (name, where) => `'${name}': 정의되기 전에 쓰임 (${where}): 이 정의를 그 앞으로 옮기세요`,
  definedTwice: (name, where) => `'${name}': 이미 정의됨 (${where}): 둘 중 하나의 이름을 바꾸세요`,
  boundTwice: (word, name) => `'${word}': '${name}'에 값이 두 번 주어짐`,
  noSuchInput: (word, name) => `'${word}': 식에 없는 입력 '${name}'`,
  noSuchInputOf: (word, name, inputs) => `'${word}': 식에 없는 입력 '${name}' (식의 입력: ${inputs})`,
  computed: (word, name) => `'${word}': 식이 계산하는 '${name}'에는 값을 줄 수 없음; 대신 그 입력에 값을 지정하세요`,
  noValue: (names, _count, first) => `${names}: 값이 없음: 명령줄에서 값을 지정하거나 (${first}=2) 식에서 정의하세요 (${first} = 2)`,
  tooLarge: (number) => `${number}: 너무 큼 (가장 큰 수는 약 1.8e308)`,
  takesOne: (f) => `${f}의 인수는 하나: ${f}(x)`,
  takesTwo: (f) => `${f}의 인수는 둘: ${f}(a, b)`,
  endOfExpression: '식의 끝',
  endOfLine: '줄의 끝',
  listMore: (shown, more) => `${shown} 외 ${more}개`,

  forms: 'NAME=PRICExQTY (apple=100x2), NAME=FACTOR (tax=1.1), NAME=+AMOUNT (shipping=+5, coupon=-20), NAME=±PERCENT (tax=+10%) 중 하나로 쓰세요',
  notNameValue: (word, forms) => `${particle(quoted(word), '은/는')} NAME=VALUE가 아님: ${forms}`,
  percentSign: (word, name, size) => `'${word}': 퍼센트에 부호를 붙이세요: ${name}=+${size}%는 ${size}% 더하고, ${name}=-${size}%는 ${size}% 뺌`,
  notFinite: (word) => `'${word}': 입력에는 유한한 수를 지정하세요`,
  notNumber: (word, value, forms) => `'${word}': ${particle(quoted(value), '은/는')} 수가 아님: ${forms}`,
  wordProblem: (word, problem) => `'${word}': ${problem}`,
  receiptEmpty: '계산할 것이 없음: 품목을 NAME=PRICExQTY로 (backprop apple=100x2 tax=1.1) 주거나 식을 주세요 (backprop "x*y" x=2 y=3)',
  receiptNoItem: '영수증에는 품목이 하나 이상 필요함: 품목을 NAME=PRICExQTY로 (backprop apple=100x2 tax=1.1) 주거나 식을 주세요 (backprop "x*y" x=2 y=3)',
  namesBoth: (name, other, what) => `${particle(quoted(name), '이/가')} ${particle(other, '과/와')} ${particle(what, '을/를')} 함께 가리킴: 하나의 이름을 바꾸세요`,
  quantityOf: (given) => `${given}의 수량`,
  costOf: (word) => `'${word}'의 금액`,
  sumOfItems: '품목의 합',
  totalAfter: (word) => `'${word}' 뒤의 합계`,
  theTotal: '합계',
  freeItem: (word) => `'${word}'의 가격이 0; $를 입력했다면 셸이 $와 그 뒤의 숫자를 바꿔 버렸음: $를 빼세요`,
  factorNotAmount: (word, name, value) =>
    `${particle(quoted(word), '은/는')} 합계에 ${particle(value, '을/를')} 곱함; 금액을 더하거나 빼려면 부호를 붙이세요 (${name}=+${value} 또는 ${name}=-${value})`,
  fileHere: (word) => `${particle(quoted(word), '은/는')} 여기서 파일: 셸이 따옴표 없는 *를 파일 이름들로 바꿨음; 식을 따옴표로 감싸세요 (backprop "2 * x" x=3)`,
  splitValue: (split, joined) => `${particle(quoted(split), '은/는')} 공백으로 나뉜 값 하나: 공백 없이 ${particle(joined, '으로/로')} 쓰세요`,
  oneArgument: (word, parts) => `${particle(quoted(word), '은/는')} 인수 하나: 전체를 따옴표로 감싸지 말고 NAME=VALUE를 각각 따로 주세요 (${parts})`,
  noEquals: (word, fixed) => `'${word}'에 '='가 없음: ${particle(fixed, '으로/로')} 쓰세요`,
  strayBinding: (word, name, value) => `'${word}': 입력에는 수를 지정하거나 (${name}=0.5), 식 안에서 계산하세요 (${name} = ${value}; …)`,
  strayGiven: (word) => `'${word}': 식이 -e나 -f로 주어졌으니 입력만 NAME=VALUE로 주세요 (x=2)`,
  strayWord: (word) => `'${word}': 식은 하나만, 공백이나 *가 있으면 따옴표로 감싸서 (backprop "2 * x" x=3) 주고, 입력은 NAME=VALUE로 주세요`,
  twoExpressions: (expression, word) =>
    `'${expression}', '${word}': 식은 하나만, 공백이나 *가 있으면 따옴표로 감싸서 (backprop "2 * x" x=3) 주고, 입력은 NAME=VALUE로 주세요`,
  emptyValue: (word, name) => `'${word}': = 뒤에 값이 없음: 수 (${name}=1.1), 금액 (${name}=+5) 또는 퍼센트 (${name}=+10%)를 지정하세요`,
  noPrice: (word) => `'${word}'에 가격이 없음; $를 입력했다면 셸이 $와 그 뒤의 숫자를 바꿔 버렸음: $를 빼세요`,

  withHint: (message, hint) => `${message}${hint}`,
  seeHelp: ' (backprop --help 참고)',
  dashExpression: (option) => `: -로 시작하는 식은 -e나 -- 뒤에 쓰세요 (backprop -e "${option}" …, backprop -- "${option}" …)`,
  unknownOption: (option) => `알 수 없는 옵션 '${option}'`,
  unknownOptionMeant: (option, meant) => `알 수 없는 옵션 '${option}' (${particle(meant, '을/를')} 뜻했나요?)`,
  optionMissing: (option) => `옵션 '${option}'에 값이 없음`,
  invalidArgument: (option, value, reason) => `옵션 '${option}'의 값 ${particle(quoted(value), '이/가')} 잘못됨. ${reason}`,
  choose: (choices) => `고를 수 있는 값: ${choices}.`,
  goesWithTrain: (option) => `${particle(`--${option}`, '은/는')} --train과 함께 씀: --train을 추가하세요`,
  trainNames: (given) => `--train '${given}': 입력 이름을 쉼표로 구분해 주거나 (--train w,b), 전부 학습하려면 --train을 맨 뒤에 두세요`,
  exprAndFile: '식은 한 번만: -e와 -f 중 하나만 쓰세요',
  goesWithBatch: (option) => `${particle(`--${option}`, '은/는')} --batch와 함께 씀: 둘 다 쓰거나 둘 다 빼세요`,
  stdinTwice: '-f -와 --batch가 둘 다 표준 입력을 읽음: 프로그램을 -e나 -f FILE로 주거나, 줄들을 --batch FILE로 주세요',
  wholeNumber: (least, most) => `${least}부터 ${most}까지의 정수를 지정하세요`,
  positiveNumber: (example) => `양수를 지정하세요. 예: ${example}`,
  notNegative: '0 이상의 수를 지정하세요',
  sentence: (message) => `${message}.`,

  standardInput: '표준 입력',
  cannotRead: (where, reason) => `${particle(where, '을/를')} 읽을 수 없음: ${reason}`,
  cannotWrite: (reason) => `출력을 쓸 수 없음: ${reason}`,
  sourceTooLarge: (where, mebibytes) => `${particle(where, '이/가')} ${mebibytes} MiB보다 큼: 프로그램을 나누세요`,
  sourceEmpty: (where) => `${particle(where, '이/가')} 비어 있음`,
  stdinEmpty: "표준 입력이 비어 있음: 프로그램을 파이프로 넣으세요. 예: echo 'x*y' | backprop -f - x=2 y=3",
  notUtf8: (where, offset, hex) => `${particle(where, '은/는')} UTF-8이 아님: ${offset}번 바이트 (0x${hex})가 문자의 일부가 아님; UTF-8로 저장하세요`,
  argumentNotUtf8: (word, offset, hex) =>
    `'${word}' 인수는 UTF-8이 아님: ${offset}번 바이트 (0x${hex})가 문자의 일부가 아님; UTF-8로 입력하세요 (터미널이나 스크립트를 UTF-8로 설정하세요)`,
  ENOENT: '그런 파일이 없음',
  ENOTDIR: '경로 중간의 폴더가 파일임',
  EISDIR: '디렉터리임',
  EACCES: '권한이 없음',
  EPERM: '허용되지 않는 작업',
  ELOOP: '심볼릭 링크가 너무 많음',
  ENAMETOOLONG: '이름이 너무 김',
  EMFILE: '열린 파일이 너무 많음',
  ENFILE: '시스템에 열린 파일이 너무 많음',
  EBADF: '닫혀 있음',
  ENOSPC: '장치에 남은 공간이 없음',
  EFBIG: '파일이 크기 제한을 넘음',
  EDQUOT: '디스크 할당량을 다 씀',
  EROFS: '읽기 전용 파일 시스템',
  EIO: '입출력 오류',
  systemError: (code, _message) => `시스템 오류 ${code}`,

  valueNaN: (label, value) => `${label}: 수가 아님 (${value})`,
  valueInfinite: (label, value) => `${label}: 무한대 (${value})`,
  computedNaN: (label, computation, value) => `${label}: 수가 아님: ${computation} = ${value}`,
  computedInfinite: (label, computation, value) => `${label}: 무한대: ${computation} = ${value}`,
  andMore: (more) => ` (외 ${more}개)`,
  andMoreGradients: (message, more) => `${message} (외 기울기 ${more}개)`,
  gradientIs: (derivative, value) => `${derivative} = ${value}`,
  sharesOverflow: (gradient) => `${gradient}: 모이는 기울기들의 합이 가장 큰 수 (약 1.8e308)를 넘음`,
  sharesOfOverflow: (gradient, derivative) => `${gradient}: ${derivative}에 모이는 기울기들의 합이 가장 큰 수 (약 1.8e308)를 넘음`,
  noDerivative: (gradient, node, argument, point) => `${gradient}: ${point}에서 ${particle(node, '은/는')} ${argument}에 대해 미분할 수 없음`,
  zeroTimesInfinity: (gradient, node, point) => `${gradient}: 연쇄법칙이 ${node} (${point})에서 0 × ∞를 만남`,
  noFiniteDerivative: (gradient, node, point) => `${gradient}: ${point}에서 ${node}의 미분이 유한하지 않음`,
  overflowsThrough: (gradient, node, product) => `${gradient}: ${particle(node, '을/를')} 거쳐 거꾸로 가면서 오버플로 (${product})`,
  overflowsAt: (gradient, node, point) => `${gradient}: ${point}에서 ${particle(node, '을/를')} 거쳐 거꾸로 가면서 오버플로`,
  checkTooLong: (passes, nodes) => `--check는 노드 ${nodes}개에 순전파를 ${passes}번 실행해야 해서 기다리기에 너무 많음: 이 그래프에서는 빼세요`,
  trainTooLong: (epochs, nodes, most) => `--train은 노드 ${nodes}개에 ${epochs}에폭을 실행해야 해서 기다리기에 너무 많음: 이 그래프에서는 ${most}에폭 이하로 지정하세요 (--epochs)`,
  nudgeTooLong: (nudges, nodes) => `--nudge ${nudges}개는 노드 ${nodes}개에 순전파를 ${nudges}번 실행해야 해서 기다리기에 너무 많음: --nudge를 줄이세요`,
  outOfRange: (name, value, rule) => `${particle(name, '이/가')} ${value}임: ${rule}`,
  nudgeNotFinite: (name, value, output) => `--nudge ${name}: ${name} = ${value}에서 출력이 ${output}: 움직임을 줄이세요`,
  checkDisagrees: (derivative, others, backprop, numerical, absolute, relative) =>
    `--check: ${derivative} 불일치${others}: 역전파 ${backprop}, 수치 미분 ${numerical}, 차이가 ${absolute} + ${relative} × |수치 미분|을 넘음`,
  diverged: (epoch, what, rate) => `학습이 ${epoch}에폭에서 발산함: ${what} (--rate를 ${rate}보다 작게 해 보세요)`,
  isValue: (name, value) => `${name} = ${value}`,

  jsonWithFormat: (format) => `--json은 --format json과 같음: ${particle(`--format ${format}`, '과/와')} 함께 쓸 수 없음`,
  batchWithFormat: (format) => `--batch는 줄마다 JSON 문서를 씀: ${particle(`--format ${format}`, '과/와')} 함께 쓸 수 없음`,
  notWithBatch: (option) => `${particle(`--${option}`, '은/는')} --batch와 함께 쓸 수 없음: 둘 중 하나만 쓰세요`,
  legendForward: '화살표 위는 순전파로 가는 값',
  legendBackward: (d) => `아래는 역전파로 돌아오는 ${d}`,
  pageSlider: '슬라이더',
  pageNeedsNumber: '숫자를 입력하세요',
  pageCaption: (d) => `각 입력과 그 값, ${d}: 값을 바꿔 그래프를 다시 계산해 보세요`,
  pageSteps: '연쇄법칙',
  pageStepsHint: '단계를 보려면 그림의 노드나 표의 행을 가리키거나, 누르거나, 포커스하세요.',
  pagePicture: '계산 그래프',
  pageTooLarge: (size, most) => `그래프의 노드가 ${size}개로 그리기에 너무 많음 (최대 ${most}개).`,
  svgTooLarge: (size, most) => `그래프의 노드가 ${size}개로 그리기에 너무 많음 (최대 ${most}개): --format dot과 Graphviz의 도구를 쓰세요`,
  theTable: '표',
  viewTooLong: (view, megabytes) =>
    `${particle(view, '은/는')} 이 프로그램에서 ${megabytes} MB 넘게 출력하게 됨 (많은 줄에 긴 이름): 이름을 줄이거나, 크기가 프로그램을 따르는 --json을 쓰세요`,
  optionTooLong: (option, megabytes) =>
    `${particle(option, '은/는')} 이 프로그램에서 ${megabytes} MB 넘게 출력하게 됨 (많은 줄에 긴 이름): 이름을 줄이거나, ${particle(option, '을/를')} 빼거나, BACKPROP_VIEW_MB로 한도를 올리세요`,
  viewTooLarge: (view, nodes, most) => `${particle(view, '은/는')} 모든 노드를 보여 줌: 이 프로그램의 노드는 ${nodes}개로 ${most}개를 넘음: ${particle(view, '을/를')} 빼세요 (--json과 표는 어떤 크기든 보여 줌)`,
  textOrJson: (option, format) => `${particle(`--${option}`, '은/는')} 텍스트나 JSON으로 보여 줌: ${particle(`--format ${format}`, '과/와')} 함께 쓸 수 없음`,
  notWithTrain: (option) => `${particle(`--${option}`, '은/는')} --train과 함께 쓸 수 없음: --train은 학습 과정을 보여 줌`,
  nothingToTrain: '--train: 프로그램에 학습할 입력이 없음: 입력을 하나 주세요 (x = 1, 또는 명령줄에서 x=1)',
  trainedTwice: (name) => `--train: ${particle(quoted(name), '을/를')} 두 번 지정함`,
  notTrainable: (name, inputs) => `--train: ${particle(quoted(name), '은/는')} 프로그램의 입력이 아님 (입력: ${inputs})`,
  nudgeForm: 'NAME=+CHANGE나 NAME=-CHANGE로, 부호를 붙여 쓰세요 (apple=+1, x=-0.5, tax=+10%)',
  notNudgeable: (name, inputs) => `--nudge ${name}: 이 그래프의 입력이 아님; 다음 중 하나를 움직이세요: ${inputs}`,

  internalError: (message) => `내부 오류: ${message} (BACKPROP_DEBUG=1이면 위치를 보여 줌)`,
  error: '오류:',
  note: '참고:',
  ...batchMessages,
};
