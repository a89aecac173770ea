// botbuilder writes its own answer on failure: 401 for a bad token, else 500 with the error's message. It is
// handed this stand-in instead of Express's response, so that we answer: its successes as they are, its
// failures through the shared error handler (a short reason and a request id, never a message or a stack).

export class HeldResponse {
  statusCode = 200;
  body: unknown = undefined;
  /** Part of botbuilder's response type; never used on this path. */
  readonly socket = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  send(body: unknown): this {
    this.body = body;
    return this;
  }

  header(): this {
    return this;
  }

  end(): this {
    return this;
  }
}

/** An error with the status the shared handler answers with. */
export function statusError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}
