import { demoHistorySuite } from "./demo-history-suite";

demoHistorySuite("postgres");
