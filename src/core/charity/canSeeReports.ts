// Who may see donation reports and mark donations paid. Admins today; HR roles will be added here, and only here.

export function canSeeReports(ctx: { isAdmin: boolean }): boolean {
  return ctx.isAdmin;
}
