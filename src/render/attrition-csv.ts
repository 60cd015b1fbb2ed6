import { DISCLOSURE_RULE } from "../disclosure/rule.js";
import type { AttritionStep, Count, PublishedResult, UnmatchedReason } from "../result.js";
import { unmatchedInWords } from "./match-report.js";
import { comparisonListed } from "./accounts.js";
import { type CsvCell, csvText, figureCell } from "./csv-cells.js";
import { comparisonExclusionInWords, exclusionInWords } from "./wording.js";

interface Flow<Reason extends string> {
  group: "referred" | "comparison" | "matched";
  start: { reason: string; description: string; patients: Count };
  steps: readonly AttritionStep<Reason, Count>[];
  words: (reason: Reason) => string;
}

function flowRows<Reason extends string>(flow: Flow<Reason>, withSuppressed: boolean): CsvCell[][] {
  const start: AttritionStep<string, Count> = {
    reason: flow.start.reason,
    excluded: null,
    remaining: flow.start.patients,
    suppressed: withSuppressed && flow.start.patients === null ? ["remaining"] : [],
  };
  const row = (step: AttritionStep<string, Count>, index: number, description: string): CsvCell[] => [
    flow.group,
    index,
    step.reason,
    description,
    index === 0 ? null : figureCell(step, "excluded", step.excluded),
    figureCell(step, "remaining", step.remaining),
    ...(withSuppressed ? [step.suppressed?.join(" ") ?? "", DISCLOSURE_RULE] : []),
  ];
  return [row(start, 0, flow.start.description), ...flow.steps.map((step, i) => row(step, i + 1, flow.words(step.reason)))];
}

/**
 * `--format attrition-csv`: the patient flow as rows. Step 0 is everyone referred (`remaining`), then
 * each eligibility rule in order with the patients it excluded and those left; the comparison
 * group's flow follows where there is one. With `--suppress`, a `suppressed` column names the
 * withheld figures of each row and a `disclosure` column the rule.
 */
export function renderAttritionCsv(result: PublishedResult): string {
  const withSuppressed = result.disclosure !== undefined;
  const header = ["group", "step", "reason", "description", "excluded", "remaining", ...(withSuppressed ? ["suppressed", "disclosure"] : [])];
  const rows = flowRows(
    {
      group: "referred",
      start: { reason: "referred", description: "referred patients", patients: result.referred },
      steps: result.attrition,
      words: (reason) => exclusionInWords(reason, result.settings),
    },
    withSuppressed,
  );
  if (result.comparison_attrition) {
    rows.push(
      ...flowRows(
        {
          group: "comparison",
          start: { reason: "listed", description: "comparison patients listed", patients: comparisonListed(result) },
          steps: result.comparison_attrition,
          words: comparisonExclusionInWords,
        },
        withSuppressed,
      ),
    );
  }
  if (result.match) rows.push(...flowRows(matchingFlow(result.match), withSuppressed));
  return csvText(header, rows);
}

/** The cases of matching (the patients included) through each reason a case found no control, to those matched. */
function matchingFlow(report: NonNullable<PublishedResult["match"]>): Flow<UnmatchedReason> {
  // Each step's remaining follows from the true counts, which the published report does not hold: rounded from what it does.
  const reasons = Object.entries(report.unmatched) as [UnmatchedReason, Count][];
  let remaining: Count = report.cases;
  const steps = reasons.map(([reason, excluded]): AttritionStep<UnmatchedReason, Count> => {
    remaining = remaining === null || excluded === null ? null : remaining - excluded;
    const last = reason === reasons[reasons.length - 1]![0];
    const shown = last ? report.matched : remaining;
    return { reason, excluded, remaining: shown, suppressed: [...(excluded === null ? ["excluded"] : []), ...(shown === null ? ["remaining"] : [])] };
  });
  return { group: "matched", start: { reason: "cases", description: "cases: referred patients included", patients: report.cases }, steps, words: (reason) => `unmatched: ${unmatchedInWords(reason)}` };
}
