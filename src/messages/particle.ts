/**
 * The Korean particles whose form follows the sound before them: 은/는, 이/가, 을/를 and 과/와
 * take their first form after a final consonant (받침) and the second after a vowel; 으로/로
 * takes 로 after ㄹ too. What decides is the word before the particle as read aloud: 5를 (오),
 * 3을 (삼), 10을 (십), x를 (엑스), l을 (엘), 'model.txt'를 (…티).
 */
export type Pair = '은/는' | '이/가' | '을/를' | '과/와' | '으로/로';

/** How a word ends when read aloud in Korean: on a vowel, on ㄹ, or on another consonant. */
type Ending = 'vowel' | 'ㄹ' | 'consonant';

/**
 * `word` and the particle of `pair` that follows it. A word whose reading cannot be told (a
 * Han character, a symbol) keeps both forms, as Korean writes them then: 을(를), (으)로.
 */
export function particle(word: string, pair: Pair): string {
  const [afterConsonant, afterVowel] = pair.split('/');
  const end = ending(word);
  if (end === undefined) return word + (pair === '으로/로' ? '(으)로' : `${afterConsonant}(${afterVowel})`);
  return word + (end === 'consonant' || (end === 'ㄹ' && pair !== '으로/로') ? afterConsonant : afterVowel);
}

/** The names Korean reads the Latin letters (a to z), the digits (0 to 9) and the Greek letters by. */
const LETTERS = '에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트'.split(' ');
const DIGITS = '영일이삼사오육칠팔구';
const GREEK = 'αβγδεζηθικλμνξοπρσςτυφχψω';
const GREEK_NAMES = '알파 베타 감마 델타 엡실론 제타 에타 세타 요타 카파 람다 뮤 뉴 크사이 오미크론 파이 로 시그마 시그마 타우 입실론 파이 카이 프사이 오메가'.split(' ');
/** Latin words that are not read as their letters suggest, and the symbols that come before particles. */
const WORDS: Record<string, string> = { check: '체크', cos: '코사인', tan: '탄젠트' };
const SYMBOLS: Record<string, string> = { '%': '퍼센트', '(': '괄호' };
const CLOSING = `'"’”」』》〉]}`;

/** How `text` ends when read aloud, from its last word; undefined when that cannot be told. */
function ending(text: string): Ending | undefined {
  const last = text.at(-1);
  if (last === undefined) return undefined;
  if (/\s/.test(last)) return ending(text.trimEnd());
  if (last === ')') return parenthesized(text);
  // A quotation is read to its last word: 'model.txt'를.
  if (CLOSING.includes(last)) return ending(text.slice(0, -1));
  if (Object.hasOwn(SYMBOLS, last)) return syllableEnding(SYMBOLS[last]);

  const number = /(\^\s*|\*\*\s*)?(\.?)(\d+)$/.exec(text);
  if (number !== null) {
    const [, power, point, digits] = number;
    // x^2 is 엑스 제곱; after the point, the digits are read one by one: 1.5 is 일 점 오.
    if (power !== undefined) return 'consonant';
    return syllableEnding(point === '.' ? DIGITS[Number(digits.at(-1))] : lastSpoken(digits));
  }
  if (/[가-힣]$/.test(text)) return syllableEnding(last);
  // Kana end on a vowel but ん, which Korean writes as ㄴ: りんご 링고, ラーメン 라멘.
  if (/[\p{sc=Hiragana}\p{sc=Katakana}ー]$/u.test(text)) return /[んン]$/.test(text) ? 'consonant' : 'vowel';
  const greek = GREEK.indexOf(last.toLowerCase());
  if (greek >= 0) return syllableEnding(GREEK_NAMES[greek]);
  // Letters with accents are read as without them: été as ete.
  const latin = /[A-Za-z]+$/.exec(text.normalize('NFD').replace(/\p{M}/gu, ''));
  return latin === null ? undefined : latinEnding(latin[0]);
}

/**
 * A parenthesis set off by a space is an aside, and the particle follows the word before it,
 * as in 가장 큰 수 (약 1.8e308)를; when that word cannot be read (an invisible character), the
 * aside is what is read. A parenthesis against a word is read with it: sin(x)를 (사인 엑스).
 */
function parenthesized(text: string): Ending | undefined {
  let open = text.length - 1;
  for (let depth = 0; open >= 0; open--) {
    if (text[open] === ')') depth++;
    else if (text[open] === '(' && --depth === 0) break;
  }
  if (open < 0) return ending(text.slice(0, -1));
  const inside = ending(text.slice(open + 1, -1));
  return open > 0 && text[open - 1] === ' ' ? (ending(text.slice(0, open)) ?? inside) : inside;
}

/** The last syllable of a whole number read in Sino-Korean: 2 이, 10 십, 300 백, 120000 만. */
function lastSpoken(digits: string): string | undefined {
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  if (zeros === digits.length) return '영';
  if (zeros === 0) return DIGITS[Number(digits.at(-1))];
  return zeros < 4 ? '십백천'[zeros - 1] : '만억조경해자양구간정재극'[Math.floor(zeros / 4) - 1];
}

/**
 * How a Latin word ends in Korean. Letters alone and words with no vowel are spelled out (x 엑스,
 * txt 티엑스티), and so are capitals up to three (MB 엠비); other words are read as loanwords
 * are written: a final l is ㄹ, m, n and ng stay consonants (a silent e changes neither), a
 * voiceless stop after one short vowel closes the syllable, and any other ending is a vowel,
 * as a final r or e is not heard and other consonants take a vowel after them.
 */
function latinEnding(word: string): Ending | undefined {
  const lower = word.toLowerCase();
  if (Object.hasOwn(WORDS, lower)) return syllableEnding(WORDS[lower]);
  if (lower.length === 1 || !/[aeiouy]/.test(lower) || /^[A-Z]{2,3}$/.test(word)) return syllableEnding(LETTERS[lower.charCodeAt(lower.length - 1) - 97]);
  if (/le?$/.test(lower)) return 'ㄹ'; // all 올, file 파일, table 테이블
  if (/[mn]e?$|ng$/.test(lower)) return 'consonant'; // sum 섬, name 네임, train 트레인, lang 랭
  if (/(?:^|[^aeiou])[aeiou](?:pp?|tt?|c|ck|k)$/.test(lower)) return 'consonant'; // dot 닷, input 인풋, back 백
  return 'vowel'; // error 에러, rate 레이트, steps 스텝스, log 로그, batch 배치
}

/** How the last syllable of a Hangul reading ends: 오 on a vowel, 일 on ㄹ, 삼 on a consonant. */
function syllableEnding(reading: string | undefined): Ending | undefined {
  const index = (reading?.charCodeAt(reading.length - 1) ?? 0) - 0xac00;
  if (index < 0 || index >= 11172) return undefined;
  const final = index % 28;
  return final === 0 ? 'vowel' : final === 8 ? 'ㄹ' : 'consonant';
}
