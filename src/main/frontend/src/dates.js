// The date fields of the Camunda Forms (form-js's datetime, drawn with flatpickr) in Chinese and in one format,
// whatever the browser's language: form-js takes the field's format from the browser's locale (m/d/Y in an English
// browser), so a date typed as 2026-12-01 was read with that format and silently became another day (8/6/2027).
// Here every date field shows and reads 年-月-日 (2026-12-01; 2026/12/1 and 2026年12月1日 are read too), its
// calendar is in Chinese with weeks from Monday, and text that is not a date is no date (form-js then asks for one)
// instead of a guess.
import flatpickr from 'flatpickr';
import { Mandarin } from 'flatpickr/dist/esm/l10n/zh.js';

export const DATE_PLACEHOLDER = '年-月-日，如 2026-12-01';

const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const DIGITS = /^(\d{4})(\d{2})(\d{2})$/;

/** The day a text names, year first; null when it names none (no such day either: 2026-02-30). */
export function parseDay(text) {
  const t = String(text).trim();
  const m = YEAR_FIRST.exec(t) || DIGITS.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(y, mo - 1, d);
  return day.getFullYear() === y && day.getMonth() === mo - 1 && day.getDate() === d ? day : null;
}

/** form-js's own lower bound of every date field, '01/01/1900', is written month first. */
function monthFirst(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(text).trim());
  return m ? parseDay(`${m[3]}-${m[1]}-${m[2]}`) : null;
}

/** 2026-12-01. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const format = (date, pattern) => (pattern === 'F j, Y'
  // The calendar's days are read out by their aria-label (flatpickr's ariaDateFormat): 2026年12月1日.
  ? `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`
  : isoDay(date));
const parse = (text) => parseDay(text) ?? monthFirst(text) ?? undefined;

let localized = false;

/**
 * Makes the date fields that form-js draws in {@code container} Chinese and year first. The calendar's language is
 * flatpickr's default for every picker; its reading and writing of dates are not (flatpickr takes them only from
 * the options form-js passes), so each field's picker gets them when it appears and, at the latest, when it is
 * focused, before anything typed in it is read.
 */
export function chineseDateFields(container) {
  if (!localized) {
    flatpickr.localize({ ...Mandarin, firstDayOfWeek: 1 });
    localized = true;
  }
  const all = () => container.querySelectorAll('.fjs-datepicker input').forEach(yearFirst);
  // form-js makes each picker in an effect after the field is drawn: look once that has run.
  new MutationObserver(() => requestAnimationFrame(() => setTimeout(all))).observe(container, { childList: true, subtree: true });
  container.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.closest('.fjs-datepicker')) {
      yearFirst(e.target);
      // A date typed into a field that holds one (调查日期 starts from the willingness survey's) replaces it: typed
      // after it, the two ran together, were no date, and the picker emptied the field without a word. Selected
      // once the click that focused it has placed its caret.
      const input = e.target;
      setTimeout(() => { if (document.activeElement === input) input.select(); });
    }
  }, true);
  return all;
}

function yearFirst(input) {
  input.setAttribute('placeholder', DATE_PLACEHOLDER);
  const picker = input._flatpickr;
  if (!picker || picker.config.parseDate === parse) return;
  picker.config.parseDate = parse;
  picker.config.formatDate = format;
  if (picker.selectedDates.length) picker.setDate(picker.selectedDates, false);
}

/**
 * Resolves once a date typed just before has reached the form. form-js takes a typed date when its field loses focus
 * (it presses Enter for it), and hands the day to the form only in effects run after the next frames: a click on
 * 提交 straight from the field read the form before that, and 必填 appeared under the date the field showed. Each
 * round waits for a frame (or 100 ms where none comes, as preact does) and the timers queued before it.
 */
export function typedDatesTaken(rounds = 3) {
  const round = () => new Promise((resolve) => {
    let over = false;
    const done = () => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      setTimeout(resolve);
    };
    const timer = setTimeout(done, 100);
    requestAnimationFrame(done);
  });
  let all = Promise.resolve();
  for (let i = 0; i < rounds; i += 1) all = all.then(round);
  return all;
}
