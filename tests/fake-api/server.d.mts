export declare const SAMPLE_USAGE: Readonly<Record<string, unknown>>;
export declare const FAULT_NAMES: readonly string[];
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  cookie: string | undefined;
  at: number;
}
export interface FakeApi {
  origin: string;
  requests: RecordedRequest[];
  usageRequests(): RecordedRequest[];
  setUsage(changes: Record<string, unknown>): void;
  setFault(name: string | null, options?: Record<string, unknown>): void;
  setDelay(ms: number): void;
  rejectKey(key: string): void;
  reset(): void;
  close(): Promise<void>;
}
export declare function startFakeApi(options?: { port?: number }): Promise<FakeApi>;
