import { expect, test } from 'vitest';
import { CATALOGUES, languageOf, LANGUAGES, say, text } from '../../src/messages/index.js';

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

test('Korean and Japanese use the terms of the book’s editions', () => {
  const all = (language: 'ko' | 'ja') => JSON.stringify(CATALOGUES[language], (key, value: unknown) => (typeof value === 'function' ? value(...(key === 'and' ? [['x', 'y']] : ['x', 'y', 'z', 'w'])) : value));
  for (const term of ['순전파', '역전파', '계산 그래프', '연쇄법칙', '기울기 확인', '상류']) expect(all('ko')).toContain(term);
  for (const term of ['順伝播', '逆伝播', '計算グラフ', '連鎖律', '勾配確認', '上流']) expect(all('ja')).toContain(term);
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
