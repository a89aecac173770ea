// Jest runs several test files in one worker process, each with its own copy of nock, but Node's http and
// https modules are shared: a file's nock must unhook itself when the file ends, or it answers the next file's
// requests ("Disallowed net connect") before that file's own nock sees them.
import nock from "nock";

afterAll(() => {
  nock.cleanAll();
  nock.restore();
});
