// Where a person's points go and what they are worth this quarter, as data: the `points` reply and the home show it.
import type { Charity } from "../../kernel/charity";

export interface CurrentCharity {
  charity: Charity;
  /** False when it is the company's default because the employee picked none (or theirs was removed). */
  chosen: boolean;
}

export interface CharityShare {
  quarter: string;
  points: number;
  current: CurrentCharity | null;
  /** Their points' worth, scaled like everyone's when the budget cap binds; null while no point value is set. */
  cents: number | null;
  capBinds: boolean;
}
