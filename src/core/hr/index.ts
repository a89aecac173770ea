// The hr feature's public face: what the rest of Advocate may use of it.
export { hrHome } from "./hrHome";
export { importDirectory, type DirectoryImport } from "./importDirectory";
export { reportCommand } from "./reportCommand";
