import { buildFlowSuite } from "./build-flow-suite";

buildFlowSuite("pglite");
