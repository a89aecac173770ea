// What a person's points and home show, as data. Types only, so the ports can name them without importing the
// use cases that build them.
import type { LeaderboardRow } from "../../kernel/model";
import type { HrHome } from "./reportView";
import type { CharityShare } from "./charityShare";

export interface MyPointsView {
  total: number;
  thisMonth: number;
  rank: number | null;
}

export interface HomeView {
  points: MyPointsView;
  linkedAs: string | null;
  claims: Array<{ title: string; url: string; until: Date }>;
  top: LeaderboardRow[];
  charity: CharityShare;
  /** HR and admins only. */
  hr: HrHome | null;
}
