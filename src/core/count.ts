/**
 * How a count is typed. `evaluate` gives every count as a number (`Result`); disclosure control
 * (`--suppress`) turns a suppressed count into `null` and names it in the row's `suppressed` list
 * (`PublishedResult`). Renderers read `PublishedResult`, so they take either.
 */
export type Count = number | null;

/** Fields of a row set to `null` by disclosure control (present, possibly empty, only under `--suppress`). */
export interface Suppressible {
  suppressed?: string[];
}
