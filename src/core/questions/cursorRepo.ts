// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

export interface CursorRepo {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}
