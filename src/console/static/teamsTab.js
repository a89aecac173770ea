// The Teams tab's sign-in, as a plain script (no build step): ask Teams for the person's token (single sign-on),
// post it to the console, which checks it and sets the session's cookie, then show the person's page. The page
// (presenters/teamsTabView.ts) names the addresses and the words in data attributes.
(async () => {
  const status = document.getElementById("teams-sign-in");
  try {
    await microsoftTeams.app.initialize();
    const token = await microsoftTeams.authentication.getAuthToken();
    const response = await fetch(status.dataset.session, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ token }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) window.location.replace(status.dataset.next);
    // The console's own words: why the token was refused, or that Advocate does not know this person yet.
    else status.textContent = answer.message || status.dataset.failed;
  } catch {
    // Teams could not give a token (outside Teams, consent missing, offline): Teams' reasons are not for people.
    status.textContent = status.dataset.failed;
  }
})();
