// The shell every HTML report shares: one self-contained file, inline CSS, no script, and a
// Content-Security-Policy that forbids loading anything (so even a mistake cannot reach the network).
import { escapeHtml as h } from './escape.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS = `
:root{--fg:#1d2330;--muted:#5b6577;--line:#d9dee7;--bg:#fff;--soft:#f5f7fa;--risk:#b42318;--warn:#b54708;--good:#067647;--info:#175cd3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--soft)}
main{display:flex;flex-direction:column;gap:16px;max-width:1040px;margin:0 auto;padding:24px 16px}
main>header{order:-2}
.summary{order:-1}
.grid{display:flex;gap:12px 40px;flex-wrap:wrap}
section,main>header{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:16px 20px}
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
.turn{padding:6px 10px;border-left:3px solid var(--line);margin:4px 0}
.turn.customer{border-left-color:#8a94a6;background:var(--soft)}.turn.agent{border-left-color:#3e4c63}
.who{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.text{white-space:pre-wrap;margin:2px 0}
mark{background:#fde7c7;border-radius:2px;padding:0 1px}mark.strength{background:#d1f2dd}mark.risk.error{background:#fcd3cf}mark.signal{background:#dbe8fb}
ul.findings{margin:4px 0 2px;padding-left:18px;font-size:14px}
ul.findings li{margin:4px 0}
.risk-error{color:var(--risk)}.risk-warning{color:var(--warn)}.risk-info{color:var(--info)}.strength-x{color:var(--good)}.signal-x{color:var(--info)}
.why{color:var(--muted)}.better{color:var(--good)}
.bar{display:inline-block;height:10px;background:#3e4c63;border-radius:2px;vertical-align:middle}
code{font-size:12px;background:var(--soft);padding:0 3px;border-radius:3px}
`;

export function pageStart(title: string, subtitle: string): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${h(title)}</title><style>${CSS}</style></head>\n<body><main>\n` +
    `<header><h1>${h(title)}</h1><p class="muted">${h(subtitle)}</p></header>\n`
  );
}

export const pageEnd = (): string => '</main></body></html>\n';

export const scoreClass = (score: number): string => (score >= 70 ? 'good' : score >= 50 ? 'mid' : 'bad');

/** A horizontal bar for a share of a maximum, for distributions. */
export function bar(value: number, max: number, width = 120): string {
  const w = max > 0 ? Math.max(1, Math.round((value / max) * width)) : 0;
  return `<span class="bar" style="width:${w}px"></span>`;
}
