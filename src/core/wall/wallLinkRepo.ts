// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** The office screen's links: only each token's hash is kept. */
export interface WallLinkRepo {
  create(link: { tokenHash: string; label: string; createdBy: string; createdAt: Date }): Promise<WallLink>;
  /** Every link, revoked ones too, newest first. */
  list(): Promise<WallLink[]>;
  /** False when there is no such link or it was revoked already. */
  revoke(id: number, by: string, at: Date): Promise<boolean>;
  /** The link with this token hash, unless revoked; its last sighting set to `at`. */
  use(tokenHash: string, at: Date): Promise<WallLink | null>;
}

export interface WallLink {
  id: number;
  label: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastSeenAt: Date | null;
}
