// Under tsx or vitest the server runs its TypeScript sources, and a worker thread has no loader
// for them: this entry registers tsx's, then loads the read runner (built, dist/ has read-work.js).
import { register } from "tsx/esm/api";

register();
const { default: run } = await import("./read-work.ts");
export default run;
