// What a test holds of the WordPress fake (startWordPressFake in server.ts builds it).
import type { FaultInjector } from './faults.js';
import type { RestPersona } from './rest-persona.js';
import type { FakeState } from './state.js';
import type { FakeTerm, FakeUser } from './types.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  user: string | null;
  hadAuthorization: boolean;
  status: number | 'fault';
}

export type FakeLogin = 'admin' | 'bot' | 'student1' | 'student2';

export interface WordPressFake {
  url: string;
  /** The WordPress.com API root served by the same fake ({url}/wp/v2/sites/{site}/...). */
  wpcomApiRoot: string;
  state: FakeState;
  users: Record<FakeLogin, FakeUser>;
  faults: FaultInjector;
  requests: RecordedRequest[];
  /** A REST client acting as one of the fake's users (application password). */
  as(login: FakeLogin | string): RestPersona;
  admin: RestPersona;
  addMedia(sourceUrl: string): number;
  addTerm(name: string, taxonomy: FakeTerm['taxonomy']): number;
  /** A blog with history: `count` approved guest comments on a post, one a second, the last before `before`. */
  addPastComments(postId: number, count: number, before: Date): void;
  /** Refuse connections until comeUp() (or for `ms` when given). */
  goDown(ms?: number): Promise<void>;
  comeUp(): Promise<void>;
  close(): Promise<void>;
}
