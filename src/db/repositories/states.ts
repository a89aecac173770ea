// State columns are text in the database and unions in the core. Each row is checked on its way in, so a value
// the core does not know is an error here, at the edge, not a silent fall through some `else` in a use case.
import { DRAFT_STATES, PUBLICATION_STATES, QUESTION_STATUSES, type DraftState, type PublicationState, type QuestionStatus } from "../../core/kernel/model";

function oneOf<T extends string>(allowed: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new Error(`the database holds an unknown ${what}: ${JSON.stringify(value)}`);
  };
}

export const questionStatus: (value: string) => QuestionStatus = oneOf(QUESTION_STATUSES, "question status");
const publicationState: (value: string) => PublicationState = oneOf(PUBLICATION_STATES, "publication state");

export function toAnswer<T extends { status: string }>(row: T): Omit<T, "status"> & { status: PublicationState } {
  return { ...row, status: publicationState(row.status) };
}

export function toIdeaUpdate<T extends { state: string }>(row: T): Omit<T, "state"> & { state: PublicationState } {
  return { ...row, state: publicationState(row.state) };
}

const draftState: (value: string) => DraftState = oneOf(DRAFT_STATES, "draft state");

export function toReplyDraft<T extends { state: string }>(row: T): Omit<T, "state"> & { state: DraftState } {
  return { ...row, state: draftState(row.state) };
}
