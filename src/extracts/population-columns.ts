/**
 * The population extract's columns (matching.md, "The population extract"), and the names other
 * exports give them. `birth_date` stands in for `birth_year`, and `pcn` for `practice`, where the
 * first of each pair is not in the header: both are listed as optional, and the reader decides.
 */
export const POPULATION_COLUMNS = [
  { name: "patient_id", required: true },
  { name: "sex", required: true },
  { name: "birth_year", required: false },
  { name: "birth_date", required: false },
  { name: "imd_decile", required: false },
  { name: "practice", required: false },
  { name: "pcn", required: false },
  { name: "ltc_count", required: false },
  { name: "registered_from", required: false },
  { name: "registered_to", required: false },
  { name: "died", required: false },
] as const;

export type PopulationColumn = (typeof POPULATION_COLUMNS)[number]["name"];

/**
 * Column pairs where either one will do: the first is read where both are there. The second is
 * looked for only where the first is missing, and a run that needs the pair (`birth_year` always,
 * `practice` with `--match-exact practice`) names the first in its message.
 */
export const EITHER_OF: readonly (readonly [PopulationColumn, PopulationColumn])[] = [
  ["birth_year", "birth_date"],
  ["practice", "pcn"],
];

/**
 * Generic names that registration and GP exports use for these columns (in the manner of
 * `WELL_KNOWN_COLUMNS` for the activity extracts): looked up only where a column is neither found by
 * its own name nor mapped, and a column so taken is named in the reading report, never taken
 * silently. `patient_id` keeps the activity extracts' names (SUS+ and HES pseudonyms).
 */
export const POPULATION_WELL_KNOWN_COLUMNS: Readonly<Partial<Record<PopulationColumn, readonly string[]>>> = {
  patient_id: ["Der_Pseudo_NHS_Number", "PSEUDO_HESID", "TOKEN_PERSON_ID"],
  sex: ["Gender"],
  birth_year: ["Year_Of_Birth"],
  birth_date: ["Date_Of_Birth", "DOB"],
  imd_decile: ["IMD_Decile"],
  practice: ["Practice_Code", "GP_Practice_Code"],
  pcn: ["PCN_Code"],
  registered_from: ["Registration_Start_Date"],
  registered_to: ["Registration_End_Date"],
  died: ["Date_Of_Death", "DOD"],
};
