/**
 * The scale mode's admissions.csv, one line at a time: the spec's columns, `episode_order` among them,
 * then those a SUS admitted patient care export carries (`POPULATION_ADMISSION_COLUMNS`). Rows are
 * episodes: a spell with a transfer between consultants has a row per episode, in order, so that the
 * rule counting only first episodes has later ones to leave out. Methods mix emergency (counted) and
 * elective, maternity, transfer and birth admissions (not). The discharge date is on the spell's last
 * episode only, as SUS and HES episode extracts write it (outcomes.md takes the latest over the
 * spell's rows), and empty on every episode of a spell still open at the extract's end. Unlike the
 * West Kent example, a person's spells may overlap: nothing is held from row to row to prevent it.
 */
import { ANTE_PARTUM, BIRTH_METHODS, ELECTIVE_METHODS, EMERGENCY_METHODS, POST_PARTUM, TRANSFER_IN } from "./activity-codes.js";
import { pickWeighted } from "./distributions.js";
import { ADMISSION_SOURCES, DIAGNOSES, EPISODE_ORDERS, EPISODES_PER_SPELL, PROVIDERS, SPECIALTIES } from "./export-codes.js";
import { isoDay } from "./iso-days.js";
import { nightsInHospital } from "./length-of-stay.js";
import { ageOfBand, drawOwner, newOwner, type PopulationShape } from "./population-activity.js";
import { createRandom } from "./random.js";
import { ACTIVITY_SPAN } from "./west-kent-calendar.js";

const ADMISSION_STREAM = 202;
/** Lengths of stay from a stream of their own, apart from the rows' other fields. */
const STAY_STREAM = 203;

type Codes = readonly (readonly [string, number])[];
const ADMISSION_KINDS: readonly (readonly [Codes, number])[] = [
  [EMERGENCY_METHODS, 0.45],
  [ELECTIVE_METHODS, 0.45],
  [
    [
      [ANTE_PARTUM, 0.8],
      [POST_PARTUM, 0.2],
    ],
    0.04,
  ],
  [[[TRANSFER_IN, 1]], 0.03],
  [BIRTH_METHODS, 0.03],
];

/** A spell identifier, unique in the extract: `S` and nine digits. */
function spellId(spell: number): string {
  return `S${String(spell + 1).padStart(9, "0")}`;
}

/** `rows` lines of admissions.csv, each ending in a new line (the last spell given fewer episodes if it must). */
export function* populationAdmissionLines(shape: PopulationShape, rows: number): Generator<string> {
  const random = createRandom(shape.seed, ADMISSION_STREAM);
  const stays = createRandom(shape.seed, STAY_STREAM);
  const owner = newOwner();
  let k = 0;
  for (let spell = 0; k < rows; spell++) {
    drawOwner(random, shape, owner);
    const admitted = isoDay(owner.day);
    const method = pickWeighted(random, pickWeighted(random, ADMISSION_KINDS));
    const source = pickWeighted(random, ADMISSION_SOURCES);
    const provider = pickWeighted(random, PROVIDERS);
    const discharge = owner.day + nightsInHospital(stays, method, ageOfBand(owner.ageBand));
    const discharged = discharge > ACTIVITY_SPAN.end ? "" : isoDay(discharge);
    // Every episode of a spell repeats its admission: SUS and HES write the spell's fields on each.
    const spellFields = `${spellId(spell)},${source},${provider}`;
    // The spell is whole even where the rows run out, so that its last row carries its discharge.
    const episodes = Math.min(pickWeighted(random, EPISODES_PER_SPELL), rows - k);
    for (let episode = 0; episode < episodes; episode++, k++) {
      const specialty = pickWeighted(random, SPECIALTIES);
      const diagnosis = pickWeighted(random, DIAGNOSES);
      const last = episode === episodes - 1;
      yield `${owner.patientId},${admitted},${method},${EPISODE_ORDERS[episode]},${spellFields},${specialty},${diagnosis},${last ? discharged : ""},${owner.lsoa}\n`;
    }
  }
}
