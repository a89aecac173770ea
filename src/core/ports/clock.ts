// Time, as the core sees it: the clock it reads and the schedules it reloads.

export interface Clock {
  now(): Date;
}

export interface ScheduleTimers {
  reload(): void;
}
