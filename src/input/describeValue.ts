// Input readers describe found values as errors/ does; kept here so the readers import it from their folder.
export { describeValue } from "../errors/describeValue.js";
