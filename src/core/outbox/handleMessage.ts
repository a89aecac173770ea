// What each kind of durable work does. The outbox worker calls this; it knows nothing of the transports.
import { chatFor, type CoreDeps } from "../deps";
import type { OutboxMessage } from "./messages";
import { ingestCommunityEvent } from "../questions/ingestCommunityEvent";
import { fetchTopic, routeQuestion } from "../questions/routeQuestion";
import { postCard, refreshCard } from "../cards/renderCard";
import { publishAnswer } from "../answers/publishAnswer";
import { publishIdeaStatus } from "../ideas/publishIdeaStatus";
import { processReceivedIdeaStatus } from "../ideas/setIdeaStatus";
import { processReceivedAnswer } from "../answers/submitAnswer";
import { echoAnswerInThread } from "../answers/echoInThread";
import { lookUpAccount } from "../accounts/linking";
import { buildHomeView } from "../points/homeView";
import { pollCommunity } from "../questions/pollCommunity";
import { expireClaims } from "../claims/claims";
import { runScheduledStory } from "../stories/runScheduledStory";
import { postStory } from "../stories/postStory";
import { checkPromises } from "../promises/checkPromises";

/** Returns a short outcome for the log; throws RetryableError/PermanentError for the worker to act on. */
export async function handleOutboxMessage(deps: CoreDeps, message: OutboxMessage): Promise<string> {
  switch (message.kind) {
    case "community.event":
      await ingestCommunityEvent(deps, message.inboundId, message.event);
      return "ingested";
    case "community.fetchTopic":
      return fetchTopic(deps, message.questionId);
    case "community.publishAnswer":
      return publishAnswer(deps, message.answerId);
    case "community.ideaStatus":
      return publishIdeaStatus(deps, message.updateId);
    case "idea.received":
      return processReceivedIdeaStatus(deps, message.actor, message.form);
    case "answer.received":
      return processReceivedAnswer(deps, message.actor, message.form);
    case "community.poll":
      return pollCommunity(deps);
    case "account.lookup":
      return lookUpAccount(deps, message.employeeId);
    case "question.route":
      return routeQuestion(deps, message.questionId);
    case "chat.postCard":
      await postCard(deps, message.cardId);
      return "card posted";
    case "chat.refreshCard":
      await refreshCard(deps, message.cardId);
      return "card refreshed";
    case "chat.threadReply":
      return echoAnswerInThread(deps, message.cardId, message.answerId);
    case "chat.notify":
      await chatFor(deps, message.surface).notify(message.userId, message.notice, message.locale);
      return "notified";
    case "chat.sendFile":
      await chatFor(deps, message.surface).sendFile(message.userId, message.file, message.locale);
      return "file sent";
    case "chat.publishHome": {
      const employee = await deps.store.employees.ensure(message.surface, message.userId);
      const view = await buildHomeView(deps, message.surface, message.userId, message.report);
      await chatFor(deps, message.surface).publishHome(message.userId, view, employee.locale ?? deps.settings.defaultLocale);
      return "home published";
    }
    case "claims.expire":
      return `${await expireClaims(deps)} claims expired`;
    case "story.scheduled":
      return runScheduledStory(deps, message.scheduleId, message.slot);
    case "chat.postStory":
      return postStory(deps, message.storyId);
    case "chat.channelNotice":
      await chatFor(deps, message.surface).postNotice(message.channelId, message.threadRef, message.notice, message.locale);
      return "notice posted";
    case "promises.check":
      return checkPromises(deps);
  }
}
