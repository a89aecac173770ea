// How a command names a channel or a person, whatever the chat surface: each adapter turns its own mention syntax
// (Slack's <#C…|name> and <@U…|name>) into these tokens before the core reads the command.
const CHANNEL = /^#channel:(\S+)$/;
const PERSON = /^@person:(\S+)$/;

export const channelToken = (id: string): string => `#channel:${id}`;
export const personToken = (id: string): string => `@person:${id}`;

/** The channel id a token names, or null. */
export const channelIn = (token: string | undefined): string | null => CHANNEL.exec(token ?? "")?.[1] ?? null;
/** The person's chat id a token names, or null. */
export const personIn = (token: string | undefined): string | null => PERSON.exec(token ?? "")?.[1] ?? null;
