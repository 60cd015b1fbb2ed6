/** How far a long run has read: called every `PROGRESS_EVERY` rows of a file, and once at its end. */
export interface Progress {
  /** The file as the user named it. */
  file: string;
  /** Data rows read from it so far. */
  rows: number;
  /** True at the end of the file. */
  done: boolean;
}

export type ProgressListener = (progress: Progress) => void;

/** Often enough for a display to move a few times a second, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 100_000;
