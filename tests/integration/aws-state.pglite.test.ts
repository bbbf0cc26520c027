import { awsStateSuite } from "./aws-state-suite";

awsStateSuite("pglite");
