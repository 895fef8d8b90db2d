import { en } from './en.js';
import type { Language, Messages } from './index.js';
import { ja } from './ja.js';
import { ko } from './ko.js';

/** Every catalogue, for the page of --format html, whose script is given the one it speaks. */
export const CATALOGUES = { en, ko, ja } satisfies Record<Language, Messages>;
