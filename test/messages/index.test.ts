import { expect, test } from 'vitest';
import { CATALOGUES } from '../../src/messages/all.js';
import { en, languageOf, LANGUAGES, say, text } from '../../src/messages/index.js';

test('every message is in every catalogue, with the same parts to fill in', () => {
  const [english, ...others] = LANGUAGES.map((language) => CATALOGUES[language]);
  for (const catalogue of others) {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    for (const [key, message] of Object.entries(english)) {
      const translated = (catalogue as Record<string, unknown>)[key];
      expect(typeof translated, key).toBe(typeof message);
      if (typeof message === 'function') expect((translated as () => string).length, key).toBe(message.length);
    }
  }
});

/** Every message of a catalogue in words, its parts filled in with letters. */
const messages = (language: 'ko' | 'ja') =>
  Object.fromEntries(
    Object.entries(CATALOGUES[language]).map(([key, message]: [string, unknown]) => [
      key,
      typeof message === 'function' ? (message as (...parts: unknown[]) => string)(...(key === 'and' || key === 'names' ? [['x', 'y']] : ['x', 'y', 'z', 'w', 'v', 'u'])) : (message as string),
    ]),
  );

test('Korean and Japanese use the terms of the book’s editions', () => {
  const all = (language: 'ko' | 'ja') => Object.values(messages(language)).join('\n');
  for (const term of ['순전파', '역전파', '계산 그래프', '연쇄법칙', '기울기 확인', '상류']) expect(all('ko')).toContain(term);
  for (const term of ['順伝播', '逆伝播', '計算グラフ', '連鎖律', '勾配確認', '上流']) expect(all('ja')).toContain(term);
});

test('Korean writes the one particle that follows a word it can read, not both forms', () => {
  expect(Object.values(messages('ko')).join('\n')).not.toMatch(/[을은이과]\([를는가와]\)|\(으\)로/);
});

/** The messages that ask the user to do something: the fix an error names, an invitation on the page. */
const INSTRUCTIONS = `unusedValue emptyExpression resultTaken isFunctionCall neverClosed expectedOperatorMultiply tooDeep functionName
  usedBeforeDefined definedTwice computed noValue forms percentSign notFinite receiptEmpty receiptNoItem namesBoth freeItem
  factorNotAmount fileHere splitValue oneArgument noEquals strayBinding strayGiven strayWord twoExpressions noPrice emptyValue noInputs dashExpression
  goesWithTrain trainNames exprAndFile goesWithBatch stdinTwice wholeNumber positiveNumber notNegative sourceTooLarge stdinEmpty
  notUtf8 argumentNotUtf8 checkTooLong checkTooLongArrays trainTooLong nudgeTooLong nudgeTooLongArrays nudgeNotFinite diverged notWithBatch svgTooLarge viewTooLong optionTooLong viewTooLarge nothingToTrain
  nudgeForm notNudgeable pageCaption pageStepsHint pageNeedsNumber arrayTooLarge arrayEnd arrayInReceipt emptyArray generatorSize randomSeed
  shapeMatmulNumber axisConstant shapeLabels labelOutOfRange shapeBias outputArray trainTooLongArrays
  dataInput dataBound dataReceipt dataFolder mnistMissing notMnist raggedArray nudgeElement nudgeNumber orderArrays orderArraysPicture hessianElements orderInputs orderPicture modeArrays modeTooLong modeWithOrder newtonInputs newtonElements newtonFlat goesWithNewton`.split(/\s+/);

test('instructions ask politely: Korean …하세요, Japanese …てください', () => {
  const [ko, ja] = [messages('ko'), messages('ja')];
  for (const key of Object.keys(en)) {
    // The rest say what is, or name things.
    const asks = INSTRUCTIONS.includes(key);
    expect(ko[key], key).toMatch(asks ? /세요/ : /^(?!.*세요)/s);
    expect(ja[key], key).toMatch(asks ? /[てで]ください/ : /^(?!.*ください)/s);
  }
});

test('a locale names its language by its first letters; others are not spoken', () => {
  expect(languageOf('ko_KR.UTF-8')).toBe('ko');
  expect(languageOf('ja_JP.eucJP')).toBe('ja');
  expect(languageOf('ja')).toBe('ja');
  expect(languageOf('en_GB.UTF-8')).toBe('en');
  for (const locale of ['C', 'C.UTF-8', 'POSIX', 'fr_FR.UTF-8', 'kok_IN', '', undefined]) expect(languageOf(locale)).toBeUndefined();
});

test('a message is put in words with its parts, which may be messages too', () => {
  const kink = text('kinkAt', '사과');
  expect(say(kink)).toBe('kink at 사과');
  expect(say(kink, CATALOGUES.ko)).toBe('꺾인 점: 사과');
  expect(say(text('ranEpochs', text('epochCount', 1)), CATALOGUES.ja)).toBe('1 エポック (--epochs)');
  expect(say('the same in every language', CATALOGUES.ja)).toBe('the same in every language');
});
