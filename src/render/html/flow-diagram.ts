import { excludedCell, type PatientFlow } from "../accounts.js";
import { html, px, type SafeHtml } from "./escape.js";

/**
 * The patient flow as a diagram, CONSORT-style: everyone referred at the top, each eligibility
 * rule's exclusions branching off to the side in rule order, the patients included at the bottom.
 */

const WIDTH = 400;
const LINE = 15;
const MAIN = { x: 8, width: 176 };
const SIDE = { x: 212, width: 180 };
/** Characters per line that fit a box at 12px (a little under the box width / 6.6px). */
const MAIN_CHARS = 24;
const SIDE_CHARS = 25;

/** Words broken into lines of at most `chars` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

function box(x: number, y: number, width: number, lines: readonly string[], count: string, kind: string): { svg: SafeHtml; height: number } {
  const height = (lines.length + 1) * LINE + 10;
  const text = lines.map((line, i) => html`<tspan x="${px(x + 8)}" y="${px(y + 18 + i * LINE)}">${line}</tspan>`);
  return {
    height,
    svg: html`<g class="box ${kind}"><rect x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" rx="4"/><text>${text}<tspan x="${px(x + 8)}" y="${px(y + 18 + lines.length * LINE)}" class="count">${count}</tspan></text></g>`,
  };
}

/** `id` names the diagram's arrowhead, which must be unique in the document. */
export function flowDiagram(flow: PatientFlow, id: string): SafeHtml {
  const marker = `${id}-arrowhead`;
  const spine = MAIN.x + MAIN.width / 2;
  const start = box(MAIN.x, 4, MAIN.width, wrapWords(flow.startWords, MAIN_CHARS), flow.start, "start");
  let y = 4 + start.height + 16;
  const sides = flow.steps.map((step) => {
    const side = box(SIDE.x, y, SIDE.width, wrapWords(`Excluded: ${step.words}`, SIDE_CHARS), excludedCell(step.excluded).replace(/^-/, "−"), "excluded");
    const middle = y + side.height / 2;
    const arrow = html`<line class="arrow" x1="${px(spine)}" x2="${px(SIDE.x - 2)}" y1="${px(middle)}" y2="${px(middle)}" marker-end="url(#${marker})"/>`;
    y += side.height + 10;
    return html`${arrow}${side.svg}`;
  });
  const endY = y + 8;
  const end = box(MAIN.x, endY, MAIN.width, wrapWords(flow.endWords, MAIN_CHARS), flow.end, "end");
  const height = endY + end.height + 4;
  return html`<svg class="flow" viewBox="0 0 ${WIDTH} ${px(height)}" width="${WIDTH}" height="${px(height)}" role="img" font-size="12"><title>${flow.title}: ${flow.startWords} ${flow.start}; ${flow.steps.map((s) => `excluded, ${s.words}: ${s.excluded}; `).join("")}${flow.endWords} ${flow.end}</title><defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs><line class="arrow" x1="${px(spine)}" x2="${px(spine)}" y1="${px(4 + start.height)}" y2="${px(endY - 2)}" marker-end="url(#${marker})"/>${sides}${start.svg}${end.svg}</svg>`;
}
