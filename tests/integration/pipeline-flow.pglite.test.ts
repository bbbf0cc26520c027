import { pipelineFlowSuite } from "./pipeline-flow-suite";

pipelineFlowSuite("pglite");
