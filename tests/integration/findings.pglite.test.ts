import { findingsSuite } from "./findings-suite";

findingsSuite("pglite");
