/** What a new component's editor starts with: small and valid on Linux. */
export const STARTER_DOCUMENT = `name: MyComponent
description: What this component installs or checks
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Install
        action: ExecuteBash
        inputs:
          commands:
            - echo "install something"
  - name: validate
    steps:
      - name: Check
        action: ExecuteBash
        inputs:
          commands:
            - echo "check it"
`;
