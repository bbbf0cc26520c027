import { findingsSuite } from "./findings-suite";

findingsSuite("postgres");
