export type {
  AllCondition,
  AnyCondition,
  Condition,
  ConditionAnnotations,
  FactCondition,
  FactReference,
  NotCondition,
} from "./Condition.js";
export { ConditionError, type ConditionIssue } from "./ConditionError.js";
export type { CustomOperator } from "./CustomOperator.js";
export {
  type CompileConditionOptions,
  compileCondition,
  type Facts,
  type Predicate,
} from "./compileCondition.js";
export { compileExpression, type Expression } from "./compileExpression.js";
export { conditionFacts } from "./conditionFacts.js";
export { conditionIssues } from "./conditionIssues.js";
export type { OperatorDefinition } from "./customOperatorMap.js";
export { didYouMean } from "./didYouMean.js";
export { ExpressionError, type ExpressionIssue } from "./ExpressionError.js";
export { expressionIssues } from "./expressionIssues.js";
export {
  BUILTIN_OPERATOR_NAMES,
  type BuiltinOperatorName,
  OPERATOR_DECORATOR_NAMES,
  type OperatorDecoratorName,
} from "./operatorNames.js";
export { parseFactPath } from "./parseFactPath.js";
