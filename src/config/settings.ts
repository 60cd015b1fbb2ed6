import { z } from "zod";
import { parseIsoSetting } from "../extracts/dates.js";

/** ECDS codes 4 as a planned follow-up; HES A&E (AEATTENDCAT) codes 2 (evaluation.md, inputs). */
export const DEFAULT_EXCLUDED_ATTENDANCE_CATEGORIES = { ecds: ["4"], hes: ["2"] } as const;

/** Admission methods of unplanned (emergency) admissions in SUS/HES admitted patient care. */
export const DEFAULT_EMERGENCY_ADMISSION_METHODS = ["21", "22", "23", "24", "25", "2A", "2B", "2C", "2D", "28"] as const;

export const isoDate = z
  .string()
  .refine((text) => parseIsoSetting(text) !== undefined, { message: "must be a real date written YYYY-MM-DD" });

export const windowText = z
  .string()
  .regex(/^[1-9]\d{0,3}[md]$/, { message: "must be a whole number of months or days, like 6m or 182d" });

export const indexDayRule = z.enum(["exclude", "pre", "post"]);
export const dateFormat = z.enum(["iso", "dmy"]);
export const aeCoding = z.enum(["ecds", "hes"]);
const wholeNumber = z.number().int().min(0);

/**
 * The settings a run can be given, in the config file or by flags: the camelCase keys of the JSON
 * output's `settings` block, less the ones prepost works out itself (`dataStartInferred`…).
 */
export const settingsInput = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  window: windowText.optional(),
  indexDay: indexDayRule.optional(),
  dataStart: isoDate.optional(),
  dataEnd: isoDate.optional(),
  requireConsent: z.boolean().optional(),
  minOnwardReferrals: wholeNumber.optional(),
  minAge: wholeNumber.optional(),
  dateFormat: dateFormat.optional(),
  aeCoding: aeCoding.optional(),
  excludedAttendanceCategories: z.array(z.string().trim()).optional(),
  emergencyAdmissionMethods: z.array(z.string().trim().toUpperCase()).optional(),
  skipInvalid: z.boolean().optional(),
  bootstrap: wholeNumber.optional(),
  seed: z.number().int().optional(),
});
export type SettingsInput = z.infer<typeof settingsInput>;

/** Every setting decided: what the run used and what the JSON output's `settings` block prints. */
export interface Settings {
  from: string | null;
  to: string | null;
  window: string;
  indexDay: z.infer<typeof indexDayRule>;
  dataStart: string | null;
  dataEnd: string | null;
  dataStartInferred: boolean;
  dataEndInferred: boolean;
  /** Where an inferred bound came from, in words (which extract and row it was found in). */
  dataStartSource: string;
  dataEndSource: string;
  requireConsent: boolean;
  minOnwardReferrals: number | null;
  minAge: number | null;
  dateFormat: z.infer<typeof dateFormat>;
  aeCoding: z.infer<typeof aeCoding>;
  excludedAttendanceCategories: string[];
  emergencyAdmissionMethods: string[];
  skipInvalid: boolean;
  bootstrap: number;
  seed: number;
}
