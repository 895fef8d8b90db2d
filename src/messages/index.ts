import { en, type Messages } from './en.js';

export { en, type Messages };
export { list, say, text, type Said, type Text } from './text.js';

/** The languages backprop speaks; each has a catalogue of its own (all.ts holds them all). */
export const LANGUAGES = ['en', 'ko', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The catalogue of one language. English is always at hand (JSON's messages are English);
 * another is loaded only when asked for, so that a run pays for the words it prints.
 */
export async function catalogue(language: Language): Promise<Messages> {
  if (language === 'ko') return (await import('./ko.js')).ko;
  if (language === 'ja') return (await import('./ja.js')).ja;
  return en;
}

/**
 * The language a locale asks for ('ko_KR.UTF-8' is Korean, 'ja' Japanese), or undefined for
 * one backprop does not speak (C, POSIX, fr_FR, ...).
 */
export function languageOf(locale: string | undefined): Language | undefined {
  const code = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale ?? '')?.[1]?.toLowerCase();
  return LANGUAGES.find((language) => language === code);
}
