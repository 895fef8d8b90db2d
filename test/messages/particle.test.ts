import { describe, expect, test } from 'vitest';
import { CATALOGUES } from '../../src/messages/all.js';
import { say, text } from '../../src/messages/index.js';
import { particle, type Pair } from '../../src/messages/particle.js';

/** Each word with a particle as Korean writes it, and how the word is read aloud. */
const WRITTEN: [string, Pair, string, string][] = [
  // Hangul: the last syllable's final consonant; ㄹ takes 로.
  ['사과', '을/를', '사과를', '사과'],
  ['귤', '을/를', '귤을', '귤'],
  ['세금', '이/가', '세금이', '세금'],
  ['표준 입력', '을/를', '표준 입력을', '입력'],
  ['품목의 합', '과/와', '품목의 합과', '합'],
  ['합계', '과/와', '합계와', '합계'],
  ['파일', '으로/로', '파일로', '파일'],
  ['책', '으로/로', '책으로', '책'],
  ['닭', '으로/로', '닭으로', '닭: ㄺ is not ㄹ'],
  // Numbers in Sino-Korean: the last unit spoken decides.
  ['5', '을/를', '5를', '오'],
  ['2', '을/를', '2를', '이'],
  ['3', '을/를', '3을', '삼'],
  ['10', '을/를', '10을', '십'],
  ['1', '이/가', '1이', '일'],
  ['1', '으로/로', '1로', '일'],
  ['6', '은/는', '6은', '육'],
  ['7', '으로/로', '7로', '칠'],
  ['8', '으로/로', '8로', '팔'],
  ['3', '으로/로', '3으로', '삼'],
  ['9', '과/와', '9와', '구'],
  ['4', '이/가', '4가', '사'],
  ['0', '이/가', '0이', '영'],
  ['100', '을/를', '100을', '백'],
  ['1000', '으로/로', '1000으로', '천'],
  ['10000', '이/가', '10000이', '만'],
  ['150000', '은/는', '150000은', '십오만'],
  ['1000000000000', '은/는', '1000000000000는', '일조'],
  ['-3', '을/를', '-3을', '마이너스 삼'],
  ['1.5', '을/를', '1.5를', '일 점 오'],
  ['1.1', '으로/로', '1.1로', '일 점 일'],
  ['0.05', '이/가', '0.05가', '영 점 영오'],
  ['x^2', '을/를', 'x^2을', '엑스 제곱'],
  // Latin letters by their names.
  ['x', '을/를', 'x를', '엑스'],
  ['y', '은/는', 'y는', '와이'],
  ['w', '과/와', 'w와', '더블유'],
  ['l', '을/를', 'l을', '엘'],
  ['l', '으로/로', 'l로', '엘'],
  ['R', '은/는', 'R은', '알'],
  ['m', '이/가', 'm이', '엠'],
  ['n', '과/와', 'n과', '엔'],
  ['x1', '이/가', 'x1이', '엑스일'],
  ['MB', '으로/로', 'MB로', '엠비'],
  ['txt', '을/를', 'txt를', '티엑스티'],
  ['html', '으로/로', 'html로', '에이치티엠엘'],
  // Latin words as loanwords are written.
  ['apple', '을/를', 'apple을', '애플'],
  ['table', '과/와', 'table과', '테이블'],
  ['--all', '은/는', '--all은', '올'],
  ['--train', '과/와', '--train과', '트레인'],
  ['--lang', '을/를', '--lang을', '랭'],
  ['json', '으로/로', 'json으로', '제이슨'],
  ['JSON', '으로/로', 'JSON으로', '제이슨'],
  ['--format dot', '과/와', '--format dot과', '닷'],
  ['--format svg', '과/와', '--format svg와', '에스브이지'],
  ['--format mermaid', '과/와', '--format mermaid와', '머메이드'],
  ['--steps', '은/는', '--steps는', '스텝스'],
  ['--graph', '은/는', '--graph는', '그래프'],
  ['--check', '은/는', '--check는', '체크'],
  ['--nudge', '은/는', '--nudge는', '넛지'],
  ['input', '이/가', 'input이', '인풋'],
  ['rate', '을/를', 'rate를', '레이트'],
  ['error', '이/가', 'error가', '에러'],
  ['name', '이/가', 'name이', '네임'],
  ['orange', '을/를', 'orange를', '오렌지'],
  ['log', '을/를', 'log를', '로그'],
  ['apple_num', '을/를', 'apple_num을', '애플 넘'],
  ['NaN', '이/가', 'NaN이', '난'],
  ['-Infinity', '이/가', '-Infinity가', '마이너스 인피니티'],
  ['prix_été', '은/는', 'prix_été는', '프리 에테'],
  // Quotes, and what is in brackets.
  ["'model.txt'", '을/를', "'model.txt'를", '모델 닷 티엑스티'],
  ["'values.csv'", '을/를', "'values.csv'를", '밸류스 닷 씨에스브이'],
  ["'apple=100x2'", '은/는', "'apple=100x2'는", '애플 이퀄 백 엑스 이'],
  ["'shipping=5'", '은/는', "'shipping=5'는", '시핑 이퀄 오'],
  ["'tax=1.1'", '은/는', "'tax=1.1'은", '택스 이퀄 일 점 일'],
  ["'tax=10%'", '은/는', "'tax=10%'는", '택스 이퀄 십 퍼센트'],
  ["'('", '이/가', "'('가", '괄호'],
  ['"y"', '을/를', '"y"를', '와이'],
  ['sin(x)', '을/를', 'sin(x)를', '사인 엑스'],
  ['1 / (1 + exp(-x))', '을/를', '1 / (1 + exp(-x))를', '… 마이너스 엑스'],
  // An aside in brackets: the word before it decides, or the aside when that cannot be read.
  ['가장 큰 수 (약 1.8e308)', '을/를', '가장 큰 수 (약 1.8e308)를', '수'],
  ["'\u200d' (U+200D ZERO WIDTH JOINER)", '은/는', "'\u200d' (U+200D ZERO WIDTH JOINER)는", '조이너'],
  ["'☃' (U+2603, 기호)", '은/는', "'☃' (U+2603, 기호)는", '기호'],
  // Kana and Greek letters, read as Korean writes them.
  ['りんご', '을/를', 'りんご를', '링고'],
  ['ラーメン', '을/를', 'ラーメン을', '라멘'],
  ['δ', '이/가', 'δ가', '델타'],
  ['ε', '이/가', 'ε이', '엡실론'],
  ['λ', '으로/로', 'λ로', '람다'],
  // A reading that cannot be told keeps both forms.
  ['苹果', '을/를', '苹果을(를)', '?'],
  ['苹果', '으로/로', '苹果(으)로', '?'],
  ['', '은/는', '은(는)', ''],
];

test.each(WRITTEN)('%s + %s = %s (%s)', (word, pair, written) => {
  expect(particle(word, pair)).toBe(written);
});

test('a word that names something of Object is read as a word, not as the name', () => {
  expect(particle('constructor', '을/를')).toBe('constructor를');
  expect(particle('toString', '이/가')).toBe('toString이');
});

describe('the Korean catalogue writes one particle, after the words and the messages inside it', () => {
  const ko = (said: Parameters<typeof say>[0]) => say(said, CATALOGUES.ko);
  test.each([
    [text('cannotRead', "'model.txt'", text('ENOENT')), "'model.txt'를 읽을 수 없음: 그런 파일이 없음"],
    [text('cannotRead', text('standardInput'), text('EISDIR')), '표준 입력을 읽을 수 없음: 디렉터리임'],
    [text('sourceEmpty', "'empty.txt'"), "'empty.txt'가 비어 있음"],
    [text('factorNotAmount', 'shipping=5', 'shipping', '5'), "'shipping=5'는 합계에 5를 곱함; 금액을 더하거나 빼려면 부호를 붙이세요 (shipping=+5 또는 shipping=-5)"],
    [text('factorNotAmount', 'tax=3', 'tax', '3'), "'tax=3'은 합계에 3을 곱함; 금액을 더하거나 빼려면 부호를 붙이세요 (tax=+3 또는 tax=-3)"],
    [text('namesBoth', 'apple_num', text('quantityOf', "'apple=100x2'"), "'apple_num=2'"), "'apple_num'이 'apple=100x2'의 수량과 'apple_num=2'를 함께 가리킴: 하나의 이름을 바꾸세요"],
    [text('unknownOptionMeant', '--lnag', '--lang'), "알 수 없는 옵션 '--lnag' (--lang을 뜻했나요?)"],
    [text('invalidArgument', '--lang <언어>', 'fr', 'x'), "옵션 '--lang <언어>'의 값 'fr'이 잘못됨. x"],
    [text('noDerivative', '∂y/∂n = 정의 안 됨', 'y', 'n', '(-2) ^ 3'), '∂y/∂n = 정의 안 됨: (-2) ^ 3에서 y는 n에 대해 미분할 수 없음'],
    [text('jsonWithFormat', 'dot'), '--json은 --format json과 같음: --format dot과 함께 쓸 수 없음'],
    [text('notWithBatch', 'check'), '--check는 --batch와 함께 쓸 수 없음: 둘 중 하나만 쓰세요'],
    [text('splitValue', 'x= 3', 'x=3'), "'x= 3'은 공백으로 나뉜 값 하나: 공백 없이 x=3으로 쓰세요"],
  ])('%j', (said, written) => {
    expect(ko(said)).toBe(written);
  });
});
