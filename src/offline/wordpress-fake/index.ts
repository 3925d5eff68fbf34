export { startWordPressFake } from './server.js';
export type { WordPressFake, FakeLogin, RecordedRequest } from './fake-api.js';
export { createRestPersona, type RestPersona, type PostInput } from './rest-persona.js';
export type { FakeSiteOptions } from './state.js';
