import { en, type Messages } from './en.js';
import { ja } from './ja.js';
import { ko } from './ko.js';

export { en, type Messages };
export { say, text, type Said, type Text } from './text.js';

/** The languages backprop speaks, each with its catalogue. */
export const CATALOGUES = { en, ko, ja } satisfies Record<string, Messages>;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/**
 * The language a locale asks for ('ko_KR.UTF-8' is Korean, 'ja' Japanese), or undefined for
 * one backprop does not speak (C, POSIX, fr_FR, ...).
 */
export function languageOf(locale: string | undefined): Language | undefined {
  const code = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale ?? '')?.[1]?.toLowerCase();
  return LANGUAGES.find((language) => language === code);
}

