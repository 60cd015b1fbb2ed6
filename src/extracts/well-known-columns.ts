/**
 * The names real exports give the spec's columns (evaluation.md, "Every column a run relies on must
 * be there"): where a column is neither found by its spec name nor mapped in `columns`, the header is
 * searched for these, and a column so taken is named in the output (`inputs.columns`), never taken
 * silently. SUS+/NCDR first, then HES. The activity extracts' own columns have theirs in their
 * outcomes' descriptors (src/outcomes).
 */
export const WELL_KNOWN_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  patient_id: ["Der_Pseudo_NHS_Number", "PSEUDO_HESID", "TOKEN_PERSON_ID"],
};
