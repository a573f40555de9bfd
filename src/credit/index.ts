export { type Credit, type CreditOptions, creditTransactions } from "./creditTransactions.js";
