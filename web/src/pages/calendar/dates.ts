/** Reading dates people paste (from the State Council's notice, a spreadsheet …) into YYYY-MM-DD. */

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function* daysBetween(from: string, to: string): Generator<string> {
  let t = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let i = 0; t <= end && i < 60; i++, t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

const FULL = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const SHORT = String.raw`(\d{1,2})\s*月\s*(\d{1,2})\s*日?`;

/**
 * Every date in the text: 2027-01-01, 2027/1/1, 2027年1月1日, and (in `year`) 1月1日; ranges
 * "2027-10-01~2027-10-07", "10月1日至10月7日", "10月1日至7日" expand to each day.
 * Returns the dates found and the pieces that could not be read.
 */
export function parseDates(text: string, year: number): { dates: string[]; unreadable: string[] } {
  const found = new Set<string>();
  const unreadable: string[] = [];
  const sep = String.raw`\s*(?:~|～|至|到|—|–|-{1,2})\s*`;
  const full = (m: RegExpExecArray, i: number) => valid(Number(m[i]), Number(m[i + 1]), Number(m[i + 2]));
  let rest = text;

  const patterns: [RegExp, (m: RegExpExecArray) => string[] | null][] = [
    [
      new RegExp(`${FULL}${sep}${FULL}`, 'g'),
      (m) => {
        const a = full(m, 1);
        const b = full(m, 4);
        return a && b && a <= b ? [...daysBetween(a, b)] : null;
      },
    ],
    [
      new RegExp(`${SHORT}${sep}${SHORT}`, 'g'),
      (m) => {
        const a = valid(year, Number(m[1]), Number(m[2]));
        const b = valid(year, Number(m[3]), Number(m[4]));
        return a && b && a <= b ? [...daysBetween(a, b)] : null;
      },
    ],
    [
      new RegExp(`${SHORT}${sep}(\\d{1,2})\\s*日`, 'g'),
      (m) => {
        const a = valid(year, Number(m[1]), Number(m[2]));
        const b = valid(year, Number(m[1]), Number(m[3]));
        return a && b && a <= b ? [...daysBetween(a, b)] : null;
      },
    ],
    [new RegExp(FULL, 'g'), (m) => (full(m, 1) ? [full(m, 1)!] : null)],
    [
      new RegExp(SHORT, 'g'),
      (m) => (valid(year, Number(m[1]), Number(m[2])) ? [valid(year, Number(m[1]), Number(m[2]))!] : null),
    ],
  ];
  for (const [re, read] of patterns) {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const days = read(m);
      if (days) for (const d of days) found.add(d);
      else unreadable.push(String(args[0]));
      return ' ';
    });
  }
  for (const piece of rest.split(/[\s,，;；、\n]+/)) if (/\d/.test(piece)) unreadable.push(piece);
  return { dates: [...found].sort(), unreadable };
}
