import { demoHistorySuite } from "./demo-history-suite";

demoHistorySuite("pglite");
