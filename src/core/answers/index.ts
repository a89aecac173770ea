// The answers feature's public face: what the rest of Advocate may use of it.
export type { AnswerRepo } from "./answerRepo";
export { CHANGE_PROBLEMS, prepareAnswerChange, requestAnswerEdit, requestAnswerWithdrawal, type ChangeProblem } from "./changeAnswer";
export { draftSubmissionKey } from "./draftKey";
export { answerEditedOnCommunity } from "./editedOnCommunity";
export { prepareAnswer } from "./prepareAnswer";
export type { ReplyDraftRepo } from "./replyDraftRepo";
export { deleteReply, dismissDraft, draftForEdit, draftFromReply, editReply, publishDraft, returnToDrafts, type DraftRefusal } from "./replyDrafts";
export { replyOnce } from "./replyOnce";
export { MAX_ANSWER_LENGTH, checkAnswerText, receiveAnswer, submitAnswer, type SubmitProblem } from "./submitAnswer";
