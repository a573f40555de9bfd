// compplan's public API. Everything a user may rely on is exported here and nowhere else.

export * from "./calendar/index.js";
export * from "./check/index.js";
export * from "./credit/index.js";
export * from "./errors/index.js";
export * from "./evaluate/index.js";
export * from "./goals/index.js";
export * from "./input/index.js";
export * from "./measure/index.js";
export * from "./money/index.js";
export * from "./pay/index.js";
export * from "./plan/index.js";
export * from "./reward/index.js";
export * from "./rules/index.js";
export * from "./simulate/index.js";
export * from "./statement/index.js";
