import type { DeclaredParameter } from "./types";

export interface ParameterValueProblem {
  name: string;
  message: string;
}

// LIMITATION: AWSTOE parameters are strings; a range or format that only a
// description states (e.g. "integer 1-65535") is not checked, only
// required values and allowedValues are.
/**
 * Checks the values a recipe gives a component. allowedValues compare
 * case-sensitively: `secretsmanager` is not `SecretsManager`.
 */
export function validateParameterValues(
  declared: DeclaredParameter[],
  values: Record<string, string>,
): ParameterValueProblem[] {
  const problems: ParameterValueProblem[] = [];
  const byName = new Map(declared.map((p) => [p.name, p]));

  for (const name of Object.keys(values)) {
    if (!byName.has(name)) {
      problems.push({
        name,
        message: `Parameter ${name} is not defined in the component`,
      });
    }
  }

  for (const parameter of declared) {
    const value = values[parameter.name];
    if (value === undefined) {
      if (parameter.required) {
        problems.push({
          name: parameter.name,
          message:
            `Parameter ${parameter.name} is required: ` +
            "the component gives it no default",
        });
      }
      continue;
    }

    const problem = checkValue(parameter, value);
    if (problem) problems.push({ name: parameter.name, message: problem });
  }

  return problems;
}

function checkValue(
  parameter: DeclaredParameter,
  value: string,
): string | undefined {
  const { name, allowedValues, type } = parameter;
  if (allowedValues && !allowedValues.includes(value)) {
    return (
      `Value '${value}' for ${name} is not one of the allowed values: ` +
      allowedValues.join(", ")
    );
  }
  if (type === "integer" && !/^-?\d+$/.test(value)) {
    return `Value '${value}' for ${name} must be an integer`;
  }
  if (type === "boolean" && value !== "true" && value !== "false") {
    return `Value '${value}' for ${name} must be true or false`;
  }

  return undefined;
}
