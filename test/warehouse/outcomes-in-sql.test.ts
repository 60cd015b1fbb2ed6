import { describe, expect, it } from "vitest";
import { csv } from "../helpers.js";
import { runInDuckDb } from "./duckdb-harness.js";
import { caseOf, comparable, fromWarehouse, scriptOf } from "./warehouse-case.js";

/**
 * Every outcome in SQL, beyond the random cases' A&E and admissions: emergency bed days (a spell
 * begun before pre_start, its discharge on a later episode; one across the index day; a same-day
 * spell; an open one), outpatient attendances, a custom outcome with countWhere, and a comparison
 * group with activity of its own. The warehouse's answer must be the local run's, byte for byte.
 */
const files = {
  "referrals.csv": csv`
    patient_id,cohort,intervention_date
    p1,A,2021-06-15
    p2,A,2021-06-20
    p3,B,2021-07-01
  `,
  "admissions.csv": csv`
    patient_id,admission_date,admission_method,episode_order,discharge_date,spell_id
    p1,2020-12-10,21,1,,S1
    p1,2020-12-10,21,2,2020-12-20,S1
    p1,2021-06-14,22,1,2021-06-17,S2
    p2,2021-09-01,21,1,2021-09-01,S3
    p2,2021-12-15,21,1,,S4
    p3,2021-08-01,11,1,2021-08-05,S5
    q1,2021-01-01,21,1,2021-01-03,S7
    c1,2021-05-01,21,1,2021-05-03,S8
  `,
  "outpatients.csv": csv`
    patient_id,appointment_date,attendance_status
    p1,2021-03-01,5
    p1,2021-08-01,3
    p2,2021-07-01,6
    p3,2021-07-02,7
    c2,2021-08-01,5
  `,
  "gp_appointments.csv": csv`
    Patient_Pseudo,Appointment_Date,Status
    p1,2021-05-01,Finished
    p1,2021-07-01,DNA
    p3,2021-08-01,arrived
  `,
  "comparison.csv": csv`
    patient_id,cohort,index_date
    c1,A,2021-06-15
    c2,b,2021-07-01
  `,
};

const config = {
  outcomes: ["unplanned_admissions", "emergency_bed_days", "outpatient_attendances", "gp_appointments"],
  customOutcomes: [{ id: "gp_appointments", label: "GP appointments", columns: { patient_id: "Patient_Pseudo", event_date: "Appointment_Date" }, countWhere: { column: "Status", in: ["Finished", "Arrived"] } }],
};

describe("bed days, outpatients, a custom outcome and a comparison group, in SQL", () => {
  it.each(["exclude", "pre", "post"])("give the local run's answer with --index-day %s", async (indexDay) => {
    const c = (await caseOf("outcomes", files, { indexDay, dataStart: "2020-06-01", dataEnd: "2022-03-31", bootstrap: 20 }, config))!;
    expect(c.local.startsWith("exit"), c.local).toBe(false);
    const warehouse = await fromWarehouse(c, await runInDuckDb(c.tables, await scriptOf(c, "duckdb")));
    expect(comparable(warehouse)).toBe(comparable(c.local));
    // Not a vacuous agreement: the nights were counted, and the open spell ran to the data's end.
    const beds = JSON.parse(c.local).outcomes.find((o: { outcome: string }) => o.outcome === "emergency_bed_days");
    expect(beds.total.pre).toBeGreaterThan(0);
    expect(beds.total.post).toBeGreaterThan(5);
  });
});
