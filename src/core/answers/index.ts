// The answers feature's public face: what the rest of Advocate may use of it.
export { prepareAnswer } from "./prepareAnswer";
export { replyOnce } from "./replyOnce";
export { MAX_ANSWER_LENGTH, checkAnswerText, receiveAnswer, submitAnswer, type SubmitProblem } from "./submitAnswer";
export { CHANGE_PROBLEMS, prepareAnswerChange, requestAnswerEdit, requestAnswerWithdrawal, type ChangeProblem } from "./changeAnswer";
export { answerEditedOnCommunity } from "./editedOnCommunity";
export { deleteReply, dismissDraft, draftForEdit, draftFromReply, editReply, publishDraft, returnToDrafts, type DraftRefusal } from "./replyDrafts";
export { draftSubmissionKey } from "./draftKey";
