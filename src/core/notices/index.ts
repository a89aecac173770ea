// The notices feature's public face: what the rest of Advocate may use of it.
export { notifyChannel, notifyEmployee, refreshHome, surfaceOf } from "./notifyEmployee";
