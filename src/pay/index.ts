export { type Settlement, settle } from "./settle.js";
