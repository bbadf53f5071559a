/**
 * A separate, tiny entry that index.html loads with `async`: it asks for the first screen's data
 * while the browser is still downloading and evaluating the app (see renderer/vite.config.ts).
 */
import { startFirstScreenCalls } from './app/first-screen-calls.ts';

startFirstScreenCalls();
