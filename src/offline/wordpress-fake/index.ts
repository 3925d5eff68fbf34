export { startWordPressFake, type WordPressFake, type FakeLogin, type RecordedRequest } from './server.js';
export { createRestPersona, type RestPersona, type PostInput } from './rest-persona.js';
export type { FakeSiteOptions } from './state.js';
