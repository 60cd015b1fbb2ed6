import type { Day } from "../core/day.js";

/** `registered_from` not given: registered since before any window. */
export const REGISTERED_SINCE_EVER: Day = -(2 ** 31);
/** `registered_to` or `died` not given: still registered, alive. */
export const NEVER: Day = 2 ** 31 - 1;

/**
 * The registered population, a column per variable and a person per position (their order in the
 * file): memory grows with people, a few bytes a variable, and a person is told by their position.
 */
export interface Population {
  size: number;
  patientIds: string[];
  indexOf: ReadonlyMap<string, number>;
  /** The line each person was read from, for messages. */
  lines: Int32Array;
  /** Position in `sexCodes`: codes are compared trimmed and in any case (matching.md). */
  sex: Int32Array;
  /** Each code as first written. */
  sexCodes: string[];
  birthYear: Int32Array;
  /** 1-10; 0 where not given. */
  imdDecile: Uint8Array;
  /** Position in `practiceCodes` (the practice, or the PCN where the extract has only that); -1 where not given. */
  practice: Int32Array;
  practiceCodes: string[];
  /** Whole number ≥ 0 where the extract has the column (every person then has one); -1 where it has not. */
  ltcCount: Int32Array;
  /** `REGISTERED_SINCE_EVER` where not given. */
  registeredFrom: Int32Array;
  /** `NEVER` where not given (still registered). */
  registeredTo: Int32Array;
  /** `NEVER` where not given (alive). */
  died: Int32Array;
  /** The optional variables the extract has: a variable it lacks is not matched on. */
  has: { imdDecile: boolean; practice: "practice" | "pcn" | null; ltcCount: boolean };
}

/** A growable column of 32-bit integers: a person's value is set once, at their position. */
class IntColumn<A extends Int32Array | Uint8Array> {
  private values: A;
  constructor(private readonly make: (length: number) => A) {
    this.values = make(1024);
  }
  at(position: number): number {
    return this.values[position]!;
  }
  set(position: number, value: number): void {
    if (position >= this.values.length) {
      const grown = this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[position] = value;
  }
  done(size: number): A {
    return this.values.slice(0, size) as A;
  }
}

/** Codes compared trimmed and without regard to case, each kept as first written. */
class CodeList {
  readonly codes: string[] = [];
  private readonly positions = new Map<string, number>();
  positionOf(code: string): number {
    const key = code.toLowerCase();
    let position = this.positions.get(key);
    if (position === undefined) {
      position = this.codes.length;
      this.codes.push(code);
      this.positions.set(key, position);
    }
    return position;
  }
}

/** One valid row of the population extract. */
export interface PersonRow {
  patientId: string;
  line: number;
  sex: string;
  birthYear: number;
  imdDecile: number;
  practice: string;
  ltcCount: number;
  registeredFrom: Day | undefined;
  registeredTo: Day | undefined;
  died: Day | undefined;
}

/** The columns of `Population`, filled a valid row at a time. */
export class PopulationTable {
  private size = 0;
  private readonly patientIds: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly lines = new IntColumn((n) => new Int32Array(n));
  private readonly sex = new IntColumn((n) => new Int32Array(n));
  private readonly sexCodes = new CodeList();
  private readonly birthYear = new IntColumn((n) => new Int32Array(n));
  private readonly imdDecile = new IntColumn((n) => new Uint8Array(n));
  private readonly practice = new IntColumn((n) => new Int32Array(n));
  private readonly practiceCodes = new CodeList();
  private readonly ltcCount = new IntColumn((n) => new Int32Array(n));
  private readonly registeredFrom = new IntColumn((n) => new Int32Array(n));
  private readonly registeredTo = new IntColumn((n) => new Int32Array(n));
  private readonly died = new IntColumn((n) => new Int32Array(n));

  constructor(
    private readonly practiceFrom: Population["has"]["practice"],
    private readonly hasImd: boolean,
    private readonly hasLtc: boolean,
  ) {}

  /** People whose first row was invalid, with its line (few: one set aside per invalid row). */
  private readonly invalidLines = new Map<string, number>();

  /** The line a person was first read on, valid or not; undefined if they are new. */
  firstLineOf(patientId: string): number | undefined {
    const at = this.indexOf.get(patientId);
    return at !== undefined ? this.lines.at(at) : this.invalidLines.get(patientId);
  }

  invalid(patientId: string, line: number): void {
    this.invalidLines.set(patientId, line);
  }

  add(person: PersonRow): void {
    const at = this.size++;
    this.patientIds.push(person.patientId);
    this.indexOf.set(person.patientId, at);
    this.lines.set(at, person.line);
    this.sex.set(at, this.sexCodes.positionOf(person.sex));
    this.birthYear.set(at, person.birthYear);
    this.imdDecile.set(at, person.imdDecile);
    this.practice.set(at, person.practice === "" ? -1 : this.practiceCodes.positionOf(person.practice));
    this.ltcCount.set(at, person.ltcCount);
    this.registeredFrom.set(at, person.registeredFrom ?? REGISTERED_SINCE_EVER);
    this.registeredTo.set(at, person.registeredTo ?? NEVER);
    this.died.set(at, person.died ?? NEVER);
  }

  done(): Population {
    const size = this.size;
    return {
      size,
      patientIds: this.patientIds,
      indexOf: this.indexOf,
      lines: this.lines.done(size),
      sex: this.sex.done(size),
      sexCodes: this.sexCodes.codes,
      birthYear: this.birthYear.done(size),
      imdDecile: this.imdDecile.done(size),
      practice: this.practice.done(size),
      practiceCodes: this.practiceCodes.codes,
      ltcCount: this.ltcCount.done(size),
      registeredFrom: this.registeredFrom.done(size),
      registeredTo: this.registeredTo.done(size),
      died: this.died.done(size),
      has: { imdDecile: this.hasImd, practice: this.practiceFrom, ltcCount: this.hasLtc },
    };
  }
}
