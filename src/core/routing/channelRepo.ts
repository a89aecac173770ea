// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

export interface ChannelRepo {
  locale(surface: string, channelId: string): Promise<string | null>;
  setLocale(surface: string, channelId: string, locale: string): Promise<void>;
  fallback(): Promise<{ surface: string; channelId: string } | null>;
  setFallback(surface: string, channelId: string): Promise<void>;
  /** The channel that hears of recurring problems. */
  problems(): Promise<{ surface: string; channelId: string } | null>;
  setProblems(surface: string, channelId: string): Promise<void>;
}
