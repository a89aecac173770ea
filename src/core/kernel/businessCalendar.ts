// The company's business time, as the settings give it: promises count only this time.

export interface BusinessCalendar {
  timezone: string;
  /** ISO weekdays that are working days: 1 Monday … 7 Sunday. */
  days: number[];
  /** Minutes after local midnight. */
  opensAt: number;
  closesAt: number;
  /** Local dates (yyyy-mm-dd) that are not working days. */
  holidays: string[];
}
