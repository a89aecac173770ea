// Whether Advocate can serve: what /readyz answers, as a value the console can show too. The composition root
// passes the probe in (the database adapter makes it), so that neither the core nor the console reaches into HTTP.

export type Readiness = { ready: true; status: "ready"; database: string } | { ready: false; status: "migrations pending" | "database unreachable" };

export type ReadinessProbe = () => Promise<Readiness>;
