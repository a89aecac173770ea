// The promises feature's public face: what the rest of Advocate may use of it.
export { addBusinessMinutes, parseBusinessHours } from "./businessCalendar";
