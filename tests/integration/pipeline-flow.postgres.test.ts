import { pipelineFlowSuite } from "./pipeline-flow-suite";

pipelineFlowSuite("postgres");
