/** Slack mrkdwn control characters; community text is escaped so it cannot mention or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, "")}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

export const plain = (text: string) => ({ type: "plain_text" as const, text: text.slice(0, 150), emoji: true });
export const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text: text.slice(0, 3000) });
