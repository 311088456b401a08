/** One numbered schema step. `up` is SQL, or a function for steps that need code. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string | ((db: import('better-sqlite3').Database) => void);
}
