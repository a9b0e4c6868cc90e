// The shell every HTML report shares: one self-contained file, inline CSS, and a
// Content-Security-Policy that forbids loading anything (so even a mistake cannot reach the
// network), sending a form or changing the page's base URL. The one script, which only sorts a
// table and opens a folded conversation, is inline and allowed by its hash alone.
import { createHash } from 'node:crypto';
import { escapeHtml as h } from './escape.js';

/**
 * Sorts a `table.sortable` by the column whose header button is pressed (pressed again: the other
 * way; a row without a number last either way), and opens the folded conversation a link or the
 * address names.
 */
const SCRIPT = `(() => {
  const collate = new Intl.Collator(undefined, { numeric: true }).compare;
  for (const table of document.querySelectorAll('table.sortable')) {
    const heads = [...table.tHead.rows[0].cells];
    heads.forEach((th, col) => th.querySelector('button').addEventListener('click', () => {
      const sign = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      for (const other of heads) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', sign === 1 ? 'ascending' : 'descending');
      const numeric = th.classList.contains('n');
      const body = table.tBodies[0];
      const rows = [...body.rows].map((row) => {
        const text = row.cells[col].textContent;
        return [numeric ? parseFloat(text) : text, row];
      });
      const missing = (x) => numeric && Number.isNaN(x);
      rows.sort(([x], [y]) => missing(x) - missing(y) || (missing(x) ? 0 : sign * (numeric ? x - y : collate(x, y))));
      body.append(...rows.map(([, row]) => row));
    }));
  }
  const open = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target instanceof HTMLDetailsElement) {
      target.open = true;
      target.scrollIntoView();
    }
  };
  addEventListener('hashchange', open);
  open();
})();`;

const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

const csp = (script: boolean) =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${script ? SCRIPT_HASH : "'none'"}; form-action 'none'; base-uri 'none'`;

export interface PageOptions {
  /** Include the script that sorts tables and opens folded conversations. */
  script?: boolean;
}

const CSS = `
:root{--fg:#1d2330;--muted:#5b6577;--line:#d9dee7;--bg:#fff;--soft:#f5f7fa;--risk:#b42318;--warn:#b54708;--good:#067647;--info:#175cd3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--soft)}
main{display:flex;flex-direction:column;gap:16px;max-width:1040px;margin:0 auto;padding:24px 16px}
main>header{order:-2}
.summary{order:-1}
.grid{display:flex;gap:12px 40px;flex-wrap:wrap}
section,details.conv,main>header{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:16px 20px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 8px}h3{font-size:15px;margin:16px 0 6px}
.muted,.meta{color:var(--muted);font-size:13px}
table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.total td{font-weight:600;border-top:2px solid var(--line)}
.scores{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0}
.score{border:1px solid var(--line);border-radius:6px;padding:4px 10px;min-width:88px}
.score-good{color:var(--good)}.score-mid{color:var(--warn)}.score-bad{color:var(--risk)}
.score b{display:block;font-size:20px}.score.good b{color:var(--good)}.score.mid b{color:var(--warn)}.score.bad b{color:var(--risk)}
.curve{display:block;background:var(--soft);border-radius:4px}
.curve .band{fill:#e4e9f1}.curve .zero{stroke:#b8c1cf;stroke-dasharray:3 3}
.curve text{font-size:10px;fill:#5b6577}
.curve .line{fill:none;stroke:#3e4c63;stroke-width:2}
.curve .pt{stroke:#fff;stroke-width:1}.curve .raw{opacity:.35}
.curve .negative{fill:var(--risk)}.curve .neutral{fill:#8a94a6}.curve .positive{fill:var(--good)}
ol.turns{list-style:none;padding:0;margin:8px 0}
.turn{padding:6px 10px;border-left:3px solid var(--line);margin:4px 0;white-space:pre-wrap}
.turn.customer{border-left-color:#8a94a6;background:var(--soft)}.turn.agent{border-left-color:#3e4c63}
.turn>i{display:block;font-style:normal;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
mark{background:#fde7c7;border-radius:2px;padding:0 1px}mark.strength{background:#d1f2dd}mark.risk.error{background:#fcd3cf}mark.signal{background:#dbe8fb}
ul.findings{margin:4px 0 2px;padding-left:18px;font-size:14px}
ul.findings li{margin:4px 0}
.risk-error{color:var(--risk)}.risk-warning{color:var(--warn)}.risk-info{color:var(--info)}.strength-x{color:var(--good)}.signal-x{color:var(--info)}
.why{color:var(--muted)}.better{color:var(--good)}
.bar{display:inline-block;height:10px;background:#3e4c63;border-radius:2px;vertical-align:middle}
code,a.rule{font:12px ui-monospace,monospace;background:var(--soft);padding:0 3px;border-radius:3px}
details.conv>summary{cursor:pointer;list-style-position:outside;margin-left:16px}
details.conv>summary h2{display:inline;margin:0}
details.conv[open]>summary{margin-bottom:8px}
th>button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th>button:focus-visible{outline:2px solid var(--info);outline-offset:2px}
th[aria-sort=ascending]>button::after{content:" ▲"}th[aria-sort=descending]>button::after{content:" ▼"}
`;

export function pageStart(title: string, subtitle: string, o: PageOptions = {}): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp(o.script === true)}">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${h(title)}</title><style>${CSS}</style></head>\n<body><main>\n` +
    `<header><h1>${h(title)}</h1><p class="muted">${h(subtitle)}</p></header>\n`
  );
}

export const pageEnd = (o: PageOptions = {}): string => `</main>${o.script ? `<script>${SCRIPT}</script>` : ''}</body></html>\n`;

/** A severity as a class name: only the three known ones, whatever a results file says. */
export const severityClass = (severity: unknown): 'error' | 'warning' | 'info' => (severity === 'error' || severity === 'warning' ? severity : 'info');

export const scoreClass = (score: number): string => (score >= 70 ? 'good' : score >= 50 ? 'mid' : 'bad');

/** A horizontal bar for a share of a maximum, for distributions. */
export function bar(value: number, max: number, width = 120): string {
  const w = max > 0 ? Math.max(1, Math.round((value / max) * width)) : 0;
  return `<span class="bar" style="width:${w}px"></span>`;
}
