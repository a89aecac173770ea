// The ideas feature's public face: what the rest of Advocate may use of it.
export type { IdeaRepo } from "./ideaRepo";
export { checkIdeaForm, prepareIdeaStatus, receiveIdeaStatus, setIdeaStatus, type IdeaStatusForm } from "./setIdeaStatus";
