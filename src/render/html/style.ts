/**
 * The report's only style sheet, inline. Screen: one readable column, tables that scroll sideways
 * on a phone rather than squeeze. Print: A4-friendly, nothing split across pages that can be kept
 * whole, colours kept so that the pre and post bars stay told apart. Our own constant, so it goes into the
 * page unescaped (entities are not decoded inside <style>); it must never hold anything from an input.
 */
export const STYLE = `
:root { color-scheme: light; --ink: #212b32; --muted: #4c6272; --rule: #d8dde0; --pre: #8fb0d9; --post: #005eb8; --note: #fff9c4; --panel: #f0f4f5; --comparison: #b35900; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 4px solid var(--post); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; }
.meta, .note, figcaption, footer { color: var(--muted); font-size: 0.9rem; }
.disclosure { background: var(--note); border-left: 6px solid #ffb81c; padding: 0.75rem 1rem; margin: 1rem 0; }
.warnings { background: var(--panel); border-left: 6px solid #ed8b00; padding: 0.5rem 1rem 0.5rem 2rem; margin: 1rem 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; margin: 1rem 0; }
.card { background: var(--panel); border-radius: 6px; padding: 0.75rem 1rem; }
.card .headline { font-size: 1.9rem; font-weight: 700; line-height: 1.2; }
.card p { margin: 0.25rem 0; }
.card .interval { font-size: 0.95rem; }
.card.fragile { border-left: 6px solid #ed8b00; }
.card.fragile .headline { color: var(--muted); }
.card .caution { margin-top: 0.5rem; }
.card-warnings { margin: 0.25rem 0; padding-left: 1.25rem; font-size: 0.9rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
.charts figure { flex: 1 1 20rem; min-width: 0; margin: 0; }
.charts figure.wide { flex-basis: 100%; }
.charts figure.wide svg { max-width: 40rem; }
figcaption { margin-bottom: 0.25rem; font-weight: 600; }
svg { display: block; width: 100%; max-width: 36rem; height: auto; font-family: inherit; }
svg text { fill: var(--ink); }
svg .label, svg .value { font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .total .label, svg .total .value { font-weight: 800; }
svg .pre { fill: var(--pre); }
svg .post { fill: var(--post); }
svg .grid { stroke: var(--rule); stroke-width: 1; }
svg .grid.zero { stroke: var(--muted); stroke-dasharray: 3 2; }
svg .axis text { fill: var(--muted); font-size: 10px; }
svg .whisker { stroke: var(--ink); stroke-width: 1.5; }
svg .window { fill: var(--panel); }
svg .window-label, svg .index-label { fill: var(--muted); font-size: 10px; }
svg .index-day { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .line { fill: none; stroke-width: 2.25; stroke-linejoin: round; }
svg .line.referred { stroke: var(--post); }
svg .line.comparison { stroke: var(--comparison); stroke-dasharray: 6 3; }
svg .band.referred { fill: var(--post); fill-opacity: 0.18; }
svg .band.comparison { fill: var(--comparison); fill-opacity: 0.16; }
svg .dot.referred { fill: var(--post); }
svg .dot.comparison { fill: var(--comparison); }
svg .point { fill: var(--post); stroke: #fff; stroke-width: 1; }
svg .smd-before { fill: #fff; stroke: var(--muted); stroke-width: 1.5; }
svg .smd-after { fill: var(--post); stroke: #fff; stroke-width: 1; }
svg.flow { max-width: 30rem; }
svg .box rect { fill: #fff; stroke: var(--muted); stroke-width: 1; }
svg .box.start rect, svg .box.end rect { fill: var(--panel); stroke: var(--post); stroke-width: 1.5; }
svg .box .count { font-weight: 700; }
svg .arrow { stroke: var(--muted); stroke-width: 1.5; }
svg marker path { fill: var(--muted); }
.flows { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.flows figure { flex: 1 1 20rem; min-width: 0; margin: 0; }
.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.95rem; }
th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; white-space: nowrap; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; white-space: normal; min-width: 5rem; }
th.left, td.left { text-align: left; }
th.right, td.right { text-align: right; }
td.words, th.words { white-space: normal; min-width: 14rem; }
tbody th { font-weight: 400; text-align: left; white-space: normal; min-width: 10rem; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
tr.total.more th, tr.total.more td { border-top: 1px solid var(--rule); }
/* The cohort stays in view while a wide table scrolls sideways on a phone. */
.table-scroll tr > th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; }
td.indent, th.indent { padding-left: 1.6rem; }
@media (max-width: 40rem) {
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.2rem; }
  table { font-size: 0.85rem; }
  tbody th { min-width: 7rem; max-width: 10rem; overflow-wrap: anywhere; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, .card, .table-scroll, .disclosure, .warnings, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { white-space: normal; padding: 0.2rem 0.4rem; }
  .charts figure, .flows figure { flex-basis: 45%; }
  .charts figure.wide { flex-basis: 100%; }
  .charts figure.wide svg { max-width: 13cm; }
  svg.flow { max-width: 11cm; }
}
`;
